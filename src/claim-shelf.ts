import { createHash } from 'node:crypto';
import { insertBest, interner } from './best.ts';
import { comparableText, type Claim, type Verdict } from './schema.ts';

/** What the store asks of claims without reading them whole: which to show, in which story, newest first. */
interface Shelved {
  /** The claim as JSON, UTF-8: `bytes` from `start` to `end` (many claims share one buffer: no view object each). */
  bytes: Buffer;
  start: number;
  end: number;
  story: string;
  verdict: Verdict;
  updatedAt: string;
  removed: boolean;
  statementKey: string;
}

/** Every claim on the shelf, one array per field (as `snapshot` gives them and `restore` takes them back). */
export interface ShelfFields {
  ids: string[];
  stories: string[];
  verdicts: Verdict[];
  updatedAt: string[];
  removed: Uint8Array;
  statementKeys: string[];
  /** Where each claim's JSON ends, when they are put end to end. */
  ends: Uint32Array;
}

/** Claims read recently, kept parsed: the ones on screen, in a summary, or being edited. */
const PARSED_CLAIMS = 2000;

/**
 * The store's claims, live and removed, kept as their JSON and parsed when read. 100,000 parsed claims take about
 * 100 MB of heap and a second to parse at every start; as UTF-8 they take 60 MB outside the heap, and a search
 * reads only the few it shows.
 */
export class ClaimShelf {
  private readonly shelved = new Map<string, Shelved>();
  private readonly parsed = new Map<string, Claim>();
  /** Which live claim has a statement: statements are unique. Keys are hashes of the comparable text. */
  private readonly statementOwners = new Map<string, string>();
  private liveCount = 0;

  /** The shelf `snapshot` gave, back from its fields and every claim's JSON end to end. */
  static restore(fields: ShelfFields, json: Buffer): ClaimShelf {
    const shelf = new ClaimShelf();
    const same = interner();
    let start = 0;
    fields.ids.forEach((id, i) => {
      const end = fields.ends[i]!;
      shelf.place(id, {
        bytes: json,
        start,
        end,
        story: same(fields.stories[i]!),
        verdict: same(fields.verdicts[i]!) as Verdict,
        updatedAt: fields.updatedAt[i]!,
        removed: fields.removed[i] === 1,
        statementKey: fields.statementKeys[i]!,
      });
      start = end;
    });
    return shelf;
  }

  /** The shelf as data: its fields, and each claim's JSON (the bytes themselves: a change puts new ones, never edits them). */
  snapshot(): { fields: ShelfFields; json: Uint8Array[] } {
    const entries = [...this.shelved];
    const ends = new Uint32Array(entries.length);
    let length = 0;
    entries.forEach(([, shelved], i) => (ends[i] = length += shelved.end - shelved.start));
    const fields: ShelfFields = {
      ids: entries.map(([id]) => id),
      stories: entries.map(([, shelved]) => shelved.story),
      verdicts: entries.map(([, shelved]) => shelved.verdict),
      updatedAt: entries.map(([, shelved]) => shelved.updatedAt),
      removed: Uint8Array.from(entries, ([, shelved]) => (shelved.removed ? 1 : 0)),
      statementKeys: entries.map(([, shelved]) => shelved.statementKey),
      ends,
    };
    return { fields, json: entries.map(([, shelved]) => shelved.bytes.subarray(shelved.start, shelved.end)) };
  }

  /** Puts a claim on the shelf (in search, or removed), replacing the version there. */
  put(claim: Claim, removed: boolean): void {
    this.parsed.delete(claim.id);
    const bytes = Buffer.from(JSON.stringify(claim));
    this.place(claim.id, {
      bytes,
      start: 0,
      end: bytes.length,
      story: claim.story,
      verdict: claim.verdict,
      updatedAt: claim.updatedAt,
      removed,
      statementKey: statementKey(claim.statement),
    });
  }

  private place(id: string, shelved: Shelved): void {
    const previous = this.shelved.get(id);
    if (previous && !previous.removed) {
      this.liveCount--;
      if (this.statementOwners.get(previous.statementKey) === id) this.statementOwners.delete(previous.statementKey);
    }
    this.shelved.set(id, shelved);
    if (!shelved.removed) {
      this.liveCount++;
      this.statementOwners.set(shelved.statementKey, id);
    }
  }

  /** How many claims are in search. */
  get size(): number {
    return this.liveCount;
  }

  /** A claim in search by id. */
  live(id: string): Claim | undefined {
    const shelved = this.shelved.get(id);
    return shelved && !shelved.removed ? this.parse(id, shelved) : undefined;
  }

  /**
   * `live` as a function of its own, for the search index. (Made here, not where the shelf is restored: a closure
   * there would keep alive whatever that function's other closures hold, the whole cache file among it.)
   */
  reader(): (id: string) => Claim | undefined {
    return (id) => this.live(id);
  }

  /** A removed claim by id. */
  removed(id: string): Claim | undefined {
    const shelved = this.shelved.get(id);
    return shelved?.removed ? this.parse(id, shelved) : undefined;
  }

  /** The claims in search (or the removed ones) that pass `filter`, each read whole: for exports and summaries. */
  *claims({ removed = false, story }: { removed?: boolean; story?: string } = {}): Generator<Claim> {
    for (const [id, shelved] of this.shelved) {
      if (shelved.removed === removed && (story === undefined || shelved.story === story)) yield this.parse(id, shelved);
    }
  }

  /** The claims in search most recently updated, newest first (ties: the id that sorts first), read whole only those. */
  newest(limit: number, { verdict, story }: { verdict?: Verdict; story?: string } = {}): Claim[] {
    const newer = (a: [string, Shelved], b: [string, Shelved]) => a[1].updatedAt > b[1].updatedAt || (a[1].updatedAt === b[1].updatedAt && a[0] < b[0]);
    const found: [string, Shelved][] = [];
    for (const entry of this.shelved) {
      const [, shelved] = entry;
      if (!shelved.removed && (!verdict || shelved.verdict === verdict) && (!story || shelved.story === story)) insertBest(found, entry, limit, newer);
    }
    return found.map(([id, shelved]) => this.parse(id, shelved));
  }

  /** The live claim that already has this statement (compared as `comparableText` does), if any. */
  statementOwner(statement: string): string | undefined {
    return this.statementOwners.get(statementKey(statement));
  }

  private parse(id: string, shelved: Shelved): Claim {
    let claim = this.parsed.get(id);
    if (claim) this.parsed.delete(id);
    else claim = JSON.parse(shelved.bytes.toString('utf8', shelved.start, shelved.end)) as Claim;
    // Most recently read last: the first key is the one read longest ago, dropped when the cache is full.
    this.parsed.set(id, claim);
    if (this.parsed.size > PARSED_CLAIMS) this.parsed.delete(this.parsed.keys().next().value!);
    return claim;
  }
}

/** 128 bits of the statement's comparable text: as unique as the text, at a fraction of its memory. */
function statementKey(statement: string): string {
  return createHash('sha256').update(comparableText(statement)).digest('base64').slice(0, 22);
}
