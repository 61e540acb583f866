import { z } from 'zod';
import { engineOf } from '../core/paths.ts';
import { DEFAULT_CLAIMS_PATH, DEFAULT_DATABASE_URL } from '../core/paths.ts';
import { LOG_LEVELS } from '../core/log.ts';

/** Who reviews the claims when NEWSROOM_NAME is not set. */
export const DEFAULT_NEWSROOM_NAME = 'claimbot';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');
/** An empty `KEY=` line in .env means "not set". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const ConfigSchema = z.object({
  DISCORD_TOKEN: optional(z.string().trim().min(1)),
  DISCORD_GUILD_ID: optional(snowflake),
  CLAIMS_PATH: optional(z.string()).transform((path) => path ?? DEFAULT_CLAIMS_PATH),
  DATABASE_URL: optional(
    z.string().refine((url) => engineOf(url) !== undefined, 'must be a file: URL, like file:data/claimbot.db, or a postgres:// URL'),
  ).transform((url) => url ?? DEFAULT_DATABASE_URL),
  /** Where the claims and their search index are cached between starts (see src/store.ts for the default). */
  CACHE_DIR: optional(z.string()),
  MODERATOR_ROLE_IDS: optional(z.string())
    .transform((list) =>
      (list ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(z.array(snowflake)),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
  DISCORD_API_BASE_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http or https URL' })),
  /** Who reviews the claims: the author of every exported ClaimReview. */
  NEWSROOM_NAME: optional(z.string().trim().min(1).max(200)).transform((name) => name ?? DEFAULT_NEWSROOM_NAME),
  NEWSROOM_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http or https URL' })),
  // Sharding (see src/shards.ts): SHARDS for one process that starts them all, SHARD_IDS + SHARD_COUNT for a part.
  SHARDS: optional(
    z
      .string()
      .regex(/^(auto|\d+)$/, 'must be auto or a number of shards')
      .transform((value) => (value === 'auto' ? value : Number(value))),
  ),
  SHARD_IDS: optional(z.string().regex(/^\s*\d+\s*(,\s*\d+\s*)*$/, 'must be shard ids separated by commas, like 0,1')).transform((list) =>
    list?.split(',').map(Number),
  ),
  SHARD_COUNT: optional(
    z
      .string()
      .regex(/^[1-9]\d*$/, 'must be a number of shards, at least 1')
      .transform(Number),
  ),
});

/** The newsroom as ClaimReview's `author`. */
export function newsroomOf(config: Pick<Config, 'NEWSROOM_NAME' | 'NEWSROOM_URL'>): { name: string; url?: string } {
  return config.NEWSROOM_URL ? { name: config.NEWSROOM_NAME, url: config.NEWSROOM_URL } : { name: config.NEWSROOM_NAME };
}

export type Config = z.infer<typeof ConfigSchema>;

/** discord.js REST options: Discord's own API unless DISCORD_API_BASE_URL points elsewhere (the tests' loopback Discord). */
export function restOptions(config: Config): { api?: string } {
  return config.DISCORD_API_BASE_URL ? { api: config.DISCORD_API_BASE_URL } : {};
}

/** A configuration that cannot be used; the message names the variable and never repeats a secret. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the configuration from the environment (which dotenv has filled from .env). */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  return parseEnv(ConfigSchema.superRefine(everyoneIsNoModeratorRole), env);
}

/** A server's own id is its @everyone role, which every member has: as a moderator role it would make everyone a moderator. */
function everyoneIsNoModeratorRole(config: Config, context: z.RefinementCtx): void {
  if (config.DISCORD_GUILD_ID && config.MODERATOR_ROLE_IDS.includes(config.DISCORD_GUILD_ID)) {
    context.addIssue({
      code: 'custom',
      path: ['MODERATOR_ROLE_IDS'],
      message: 'holds the server’s own id (DISCORD_GUILD_ID), which is its @everyone role: every member would be a moderator',
    });
  }
}

export type CliConfig = Pick<Config, 'CLAIMS_PATH' | 'DATABASE_URL' | 'CACHE_DIR' | 'NEWSROOM_NAME' | 'NEWSROOM_URL'>;

/** Only what the CLI uses, so a bad LOG_LEVEL in a .env does not stop `claimbot validate`, which never logs. */
export function loadCliConfig(env: NodeJS.ProcessEnv): CliConfig {
  return parseEnv(ConfigSchema.pick({ CLAIMS_PATH: true, DATABASE_URL: true, CACHE_DIR: true, NEWSROOM_NAME: true, NEWSROOM_URL: true }), env);
}

function parseEnv<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv): T {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')} (see .env.example)`);
}
