import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { SPEC_ERRATA } from './discord-spec-errata.ts';

/**
 * Discord's request contract, from Discord's own OpenAPI spec (discord/discord-api-spec, specs/openapi.json at
 * commit 74fda0f), read in place from ../shared/discord-api-spec/ beside the clone, never copied into the repo.
 * The fake Discord checks every request body against the schema of its operation, so a body real Discord would
 * refuse fails the test that sent it. ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1) validates the JSON as
 * published, with the few errata of discord-spec-errata.ts applied.
 */
export const SPEC_FILE = join(dirname(fileURLToPath(import.meta.url)), '../../../shared/discord-api-spec/openapi.json');
const SPEC_ID = 'discord-openapi';

/** One way a request breaks the contract: the operation (its operationId), where in the body, the value there, and why. */
export interface ContractViolation {
  operation: string;
  /** Discord's notation: `data.choices[0].value`; empty for the whole body. */
  path: string;
  value: unknown;
  message: string;
}

export function describeViolation({ operation, path, value, message }: ContractViolation): string {
  return `${operation}: ${path || '(body)'} = ${shown(value)}: ${message}`;
}

/** The value as JSON, cut after 60 characters with its full length said, so a 4,001-character text does not flood the test output. */
function shown(value: unknown): string {
  if (value === undefined) return '(missing)';
  const json = JSON.stringify(value);
  return json.length <= 60 ? json : `${json.slice(0, 60)}… (${typeof value === 'string' ? `${value.length} characters` : `${json.length} characters of JSON`})`;
}

interface Operation {
  id: string;
  method: string;
  /** The path template as a pattern, and how many literal characters it has (the most literal match wins: `@original` over `{message_id}`). */
  pattern: RegExp;
  literals: number;
  /** JSON pointer (within the spec) to the request body's schema; undefined when the operation takes no body. */
  bodySchema?: string;
}

type OpenApi = {
  paths: Record<string, Record<string, { operationId?: string; requestBody?: { content: Record<string, unknown> } }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};

export class DiscordContract {
  private static loaded: DiscordContract | undefined;
  private readonly ajv: Ajv2020;
  private readonly operations: Operation[] = [];
  private readonly validators = new Map<string, ValidateFunction>();

  /** The contract of the shared spec, loaded once per test process (reading and registering it takes about 0.2 s). */
  static shared(): DiscordContract {
    DiscordContract.loaded ??= new DiscordContract(JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as OpenApi);
    return DiscordContract.loaded;
  }

  constructor(spec: OpenApi) {
    for (const erratum of SPEC_ERRATA) {
      for (const name of erratum.schemas) {
        const properties = spec.components.schemas[name]?.properties;
        if (!properties?.[erratum.property]) throw new Error(`spec erratum: ${name}.${erratum.property} is not in the spec any more; remove the erratum`);
        properties[erratum.property] = erratum.documented;
      }
    }
    // Not strict: the spec carries OpenAPI's own keywords (discriminator, x-discord-union) beside JSON Schema's.
    this.ajv = new Ajv2020({ strict: false });
    addFormats.default(this.ajv, ['uri', 'date-time']);
    // Discord's own formats: ids are decimal strings of up to 20 digits; int32 and int64 are integers in range.
    this.ajv.addFormat('snowflake', /^(0|[1-9][0-9]{0,19})$/);
    this.ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    this.ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
    this.ajv.addFormat('nonce', true);
    this.ajv.addSchema({ ...spec, $id: SPEC_ID });
    for (const [template, methods] of Object.entries(spec.paths)) {
      const literal = template.replace(/\{[^}]+\}/g, '');
      const pattern = new RegExp(
        `^${template
          .split(/\{[^}]+\}/)
          .map(escapeRegExp)
          .join('[^/]+')}$`,
      );
      for (const [method, operation] of Object.entries(methods)) {
        if (!operation.operationId) continue;
        const content = operation.requestBody?.content;
        const bodySchema = content?.['application/json'] ? `#/paths/${pointer(template)}/${method}/requestBody/content/application~1json/schema` : undefined;
        this.operations.push({ id: operation.operationId, method: method.toUpperCase(), pattern, literals: literal.length, bodySchema });
      }
    }
  }

  /**
   * Compiles the schemas of these operations now (the message schemas take about a second), so that checking the first
   * request later neither blocks the bot, which shares the process, nor eats into an interaction's 3 s.
   */
  prepare(operationIds: readonly string[]): this {
    for (const operation of this.operations) if (operation.bodySchema && operationIds.includes(operation.id)) this.validator(operation.bodySchema);
    return this;
  }

  /** The operation a request is, by method and path (relative to /api/v10); undefined when Discord has no such route. */
  operation(method: string, path: string): Operation | undefined {
    const candidates = this.operations.filter((operation) => operation.method === method && operation.pattern.test(path));
    return candidates.sort((a, b) => b.literals - a.literals)[0];
  }

  /**
   * Why Discord would refuse this body for this request, or undefined when it conforms. A multipart request is checked by its
   * `payload_json`, which Discord reads as the JSON body. A route the spec does not have is not judged here (the fake answers it 404).
   */
  check(method: string, path: string, body: unknown): ContractViolation | undefined {
    const operation = this.operation(method, path);
    if (!operation) return undefined;
    if (!operation.bodySchema) {
      return body === undefined ? undefined : { operation: operation.id, path: '', value: body, message: 'this operation takes no body' };
    }
    if (body === undefined) return { operation: operation.id, path: '', value: undefined, message: 'a body is required' };
    const validate = this.validator(operation.bodySchema);
    if (validate(body)) return undefined;
    const error = mostSpecific(validate.errors ?? []);
    const segments = error ? errorSegments(error) : [];
    return { operation: operation.id, path: discordPath(segments), value: valueAt(body, segments), message: error?.message ?? 'does not match' };
  }

  /** The operationId of a request, for naming it in a violation the spec does not express; the method and path when the spec has no such route. */
  operationId(method: string, path: string): string {
    return this.operation(method, path)?.id ?? `${method} ${path}`;
  }

  private validator(schemaPointer: string): ValidateFunction {
    let validate = this.validators.get(schemaPointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${SPEC_ID}${schemaPointer}` });
      this.validators.set(schemaPointer, validate);
    }
    return validate;
  }
}

/**
 * The error that says what is wrong, among those of every branch of a union (a callback is one of seven kinds): the deepest one,
 * since a branch that got further into the body is the one that was meant; at equal depth, a rule about the value itself rather
 * than a branch's discriminator (`type` must be 8) or the union's summary.
 */
function mostSpecific(errors: readonly ErrorObject[]): ErrorObject | undefined {
  const branchOnly = new Set(['anyOf', 'oneOf', 'enum', 'const', 'if']);
  const rank = (error: ErrorObject) => errorSegments(error).length * 2 + (branchOnly.has(error.keyword) ? 0 : 1);
  return [...errors].sort((a, b) => rank(b) - rank(a))[0];
}

function errorSegments(error: ErrorObject): string[] {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (error.keyword === 'required') segments.push(String((error.params as { missingProperty: string }).missingProperty));
  return segments;
}

/**
 * The body Discord answers a refused request with (400, code 50035 Invalid Form Body): the error nested at its path, as
 * `{ errors: { data: { choices: { 0: { value: { _errors: [...] } } } } } }`, which discord.js and the bot read back.
 */
export function invalidFormBody(path: string, message: string): { code: number; message: string; errors: Record<string, unknown> } {
  const segments = [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((match) => match[1] ?? match[2] ?? '');
  let errors: Record<string, unknown> = { _errors: [{ code: 'CONTRACT_VIOLATION', message }] };
  for (const segment of segments.toReversed()) errors = { [segment]: errors };
  return { code: 50035, message: 'Invalid Form Body', errors };
}

function discordPath(segments: readonly string[]): string {
  return segments.map((segment, i) => (/^\d+$/.test(segment) ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

function valueAt(body: unknown, segments: readonly string[]): unknown {
  let value = body;
  for (const segment of segments) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
  return value;
}

function pointer(template: string): string {
  return template.replaceAll('~', '~0').replaceAll('/', '~1');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
