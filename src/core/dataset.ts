import { readFile } from 'node:fs/promises';
import type { JSONPath } from 'jsonc-parser';
import { nestingProblem } from './json-depth.ts';
import { comparableText, DatasetSchema, STATEMENT_MAX, type Dataset } from './schema.ts';

/** A dataset that cannot be used. The message names the file, each record (index and id) and field at fault. */
export class DatasetError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: invalid dataset (${problems.length} problem${problems.length === 1 ? '' : 's'})\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'DatasetError';
  }
}

/** Reads and validates a dataset file. Never writes to it. */
export async function loadDataset(file: string): Promise<Dataset> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DatasetError(file, [`cannot read the file: ${(error as Error).message}`]);
  }
  // Editors on Windows save UTF-8 with a byte order mark; JSON.parse would call it an unexpected (invisible) token.
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const tooDeep = nestingProblem(text);
  if (tooDeep) throw new DatasetError(file, [tooDeep]);
  const { repeatedKeys, firstSyntaxError } = await scanJson(text);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DatasetError(file, [`not valid JSON${firstSyntaxError ?? ''}: ${(error as Error).message}`]);
  }
  return parseDataset(
    raw,
    file,
    repeatedKeys.map(({ path, key }) => describeAt(raw, [...path, key], 'appears twice in this object; JSON keeps only the last')),
  );
}

/**
 * Validates parsed JSON: the schema, then what one record cannot check alone (unique ids and statements, known
 * stories). Every problem is reported in one run; `problems` found earlier (in the file's text) come first.
 */
export function parseDataset(raw: unknown, file: string, problems: readonly string[] = []): Dataset {
  const parsed = DatasetSchema.safeParse(raw);
  const all = [
    ...problems,
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => describeAt(raw, issue.path, issue.message))),
    ...crossRecordProblems(raw),
  ];
  if (all.length > 0 || !parsed.success) throw new DatasetError(file, all);
  return parsed.data;
}

type RawRecord = Record<string, unknown>;

/** Checked on the raw records, so they are reported together with the schema's problems, not after they are fixed. */
function crossRecordProblems(raw: unknown): string[] {
  const problems: string[] = [];
  const firstIndex = new Map<string, number>();
  const noteRepeat = (collection: string, index: number, id: unknown, field: string, key: string) => {
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, index);
    else problems.push(`${record(collection, index, id)}, field ${field}: duplicate of ${collection}[${first}]`);
  };
  const stories = records(raw, 'stories');
  const claims = records(raw, 'claims');
  stories.forEach((story, i) => typeof story.id === 'string' && noteRepeat('stories', i, story.id, 'id', `story id ${story.id}`));
  const storyIds = new Set(stories.map((story) => story.id));
  claims.forEach((claim, i) => {
    if (typeof claim.id === 'string') noteRepeat('claims', i, claim.id, 'id', `claim id ${claim.id}`);
    // A statement over the limit is already named by the schema: it is not read further.
    if (typeof claim.statement === 'string' && claim.statement.trim().length <= STATEMENT_MAX)
      noteRepeat('claims', i, claim.id, 'statement', `statement ${comparableText(claim.statement)}`);
    if (typeof claim.story === 'string' && !storyIds.has(claim.story)) {
      problems.push(`${record('claims', i, claim.id)}, field story: no story has the id "${claim.story}"`);
    }
  });
  return problems;
}

/** The records of a collection that are objects; the schema reports the rest. */
function records(raw: unknown, collection: string): RawRecord[] {
  const list = isObject(raw) ? raw[collection] : undefined;
  return Array.isArray(list) ? list.map((item) => (isObject(item) ? item : {})) : [];
}

function isObject(value: unknown): value is RawRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What JSON.parse does not tell: keys that appear twice in one object (it silently keeps the last, so the
 * record would be blamed for a value nobody sees in the editor), and the line and column of a syntax error.
 */
async function scanJson(text: string): Promise<{ repeatedKeys: { path: JSONPath; key: string }[]; firstSyntaxError: string | undefined }> {
  // Loaded when a file is read, not by every process that imports this module: a running bot reads none.
  const { visit } = await import('jsonc-parser');
  const repeatedKeys: { path: JSONPath; key: string }[] = [];
  const keysOfOpenObjects: Set<string>[] = [];
  let firstSyntaxError: string | undefined;
  visit(
    text,
    {
      onObjectBegin: () => void keysOfOpenObjects.push(new Set()),
      onObjectEnd: () => void keysOfOpenObjects.pop(),
      onObjectProperty: (key, _offset, _length, _line, _column, pathSupplier) => {
        const keys = keysOfOpenObjects.at(-1);
        if (keys?.has(key)) repeatedKeys.push({ path: pathSupplier(), key });
        keys?.add(key);
      },
      onError: (_error, _offset, _length, line, column) => {
        firstSyntaxError ??= ` at line ${line + 1}, column ${column + 1}`;
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return { repeatedKeys, firstSyntaxError };
}

function record(collection: string, index: number, id: unknown): string {
  return typeof id === 'string' ? `${collection}[${index}] (id "${id}")` : `${collection}[${index}]`;
}

/** "claims[3] (id "zelensky-coalition"), field flags[1]: must be one of …" */
function describeAt(raw: unknown, path: readonly PropertyKey[], message: string): string {
  const [collection, index, ...field] = path;
  if (typeof collection !== 'string' || typeof index !== 'number') {
    return `${path.length > 0 ? `field ${formatPath(path)}` : 'top level'}: ${message}`;
  }
  const rawRecord = records(raw, collection)[index];
  const where = field.length > 0 ? `field ${formatPath(field)}` : 'the record';
  return `${record(collection, index, rawRecord?.id)}, ${where}: ${message}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}
