import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { DatasetSchema, type Dataset } from './schema.ts';

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
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DatasetError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  return parseDataset(raw, file);
}

/** Validates parsed JSON: the schema, then what one record cannot check alone (unique ids and statements, known stories). */
export function parseDataset(raw: unknown, file: string): Dataset {
  const parsed = DatasetSchema.safeParse(raw);
  if (!parsed.success) throw new DatasetError(file, parsed.error.issues.map((issue) => describeIssue(raw, issue)));
  const problems = crossRecordProblems(parsed.data);
  if (problems.length > 0) throw new DatasetError(file, problems);
  return parsed.data;
}

function crossRecordProblems({ stories, claims }: Dataset): string[] {
  const problems: string[] = [];
  const firstIndex = new Map<string, number>();
  const noteRepeat = (collection: string, index: number, id: string, field: string, key: string) => {
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, index);
    else problems.push(`${record(collection, index, id)}, field ${field}: duplicate of ${collection}[${first}]`);
  };
  stories.forEach((story, i) => noteRepeat('stories', i, story.id, 'id', `story id ${story.id}`));
  const storyIds = new Set(stories.map((story) => story.id));
  claims.forEach((claim, i) => {
    noteRepeat('claims', i, claim.id, 'id', `claim id ${claim.id}`);
    noteRepeat('claims', i, claim.id, 'statement', `statement ${comparable(claim.statement)}`);
    if (!storyIds.has(claim.story)) problems.push(`${record('claims', i, claim.id)}, field story: no story has the id "${claim.story}"`);
  });
  return problems;
}

/** Statements that differ only in case, spacing or quote marks are the same statement. */
function comparable(statement: string): string {
  return statement.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

function record(collection: string, index: number, id: unknown): string {
  return typeof id === 'string' ? `${collection}[${index}] (id "${id}")` : `${collection}[${index}]`;
}

/** "claims[3] (id "zelensky-coalition"), field flags[1]: Invalid option: …" */
function describeIssue(raw: unknown, issue: z.core.$ZodIssue): string {
  const [collection, index, ...field] = issue.path;
  if (typeof collection !== 'string' || typeof index !== 'number') {
    return `${issue.path.length > 0 ? `field ${formatPath(issue.path)}` : 'top level'}: ${issue.message}`;
  }
  const rawRecord = (raw as Record<string, unknown[]>)[collection]?.[index];
  const id = rawRecord && typeof rawRecord === 'object' ? (rawRecord as { id?: unknown }).id : undefined;
  const where = field.length > 0 ? `field ${formatPath(field)}` : 'the record';
  return `${record(collection, index, id)}, ${where}: ${issue.message}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}
