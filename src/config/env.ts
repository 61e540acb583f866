import { config } from 'dotenv';

/** Fills `env` from a .env file in the working directory, if there is one; variables already set win. */
export function loadEnv(env: NodeJS.ProcessEnv): void {
  config({ processEnv: env as Record<string, string>, quiet: true });
}
