import { insertBest } from '../core/best.ts';
import { NO_FILTER, Numbering, VERDICT_NUMBERS } from '../core/numbering.ts';
import { comparableText, type Claim, type Verdict } from '../core/schema.ts';

/** Every claim on the shelf, one array per field (as `snapshot` gives them and `restore` takes them back). */
export interface ShelfFields {
  ids: string[];
  /** Index into `storyIds`. */
  stories: Uint32Array;
  storyIds: string[];
  /** VERDICT_NUMBERS. */
  verdicts: Uint8Array;
  /** `updatedAt`, in milliseconds. */
  updated: Float64Array;
  removed: Uint8Array;
  statementHashes: Int32Array;
  /** Where each claim's JSON ends, when they are put end to end. */
  ends: Uint32Array;
}

/** Claims read recently, kept parsed: the ones on screen, in a summary, or being edited. */
const PARSED_CLAIMS = 2000;

/**
 * The store's claims, live and removed, kept as their JSON and parsed when read. 100,000 parsed claims take about
 * 100 MB of heap and a second to parse at every start; as UTF-8 they take 60 MB outside the heap, and a search
 * reads only the few it shows. What is asked of every claim (story, verdict, date, whether removed) sits in one
 * array per field, indexed by slot: a few arrays, not 100,000 objects for the garbage collector to trace.
 */
export class ClaimShelf {
  private readonly slotOf = new Map<string, number>();
  private ids: string[] = [];
  /** The buffer that holds each claim's JSON, from `starts` to `ends` (many claims share one: no view object each). */
  private buffers: Buffer[] = [];
  private starts: number[] = [];
  private ends: number[] = [];
  private stories: number[] = [];
  private readonly storyNumbers = new Numbering();
  private verdicts: number[] = [];
  private updated: number[] = [];
  private removedFlags: boolean[] = [];
  private statementHashes: number[] = [];
  /**
   * The live claims with a statement of this hash (slots): statements are unique. Mostly one; two on a collision.
   * Made when a write first needs it, not at every start.
   */
  private statementOwners: Map<number, number | number[]> | undefined = new Map();
  private readonly parsed = new Map<string, Claim>();
  private liveCount = 0;

  /** The shelf `snapshot` gave, back from its fields and every claim's JSON end to end. */
  static restore(fields: ShelfFields, json: Buffer): ClaimShelf {
    const shelf = new ClaimShelf();
    fields.storyIds.forEach((story) => shelf.storyNumbers.of(story));
    // Whole arrays at once: pushing 100,000 times to ten arrays would copy each of them as it grows.
    Object.assign(shelf, {
      ids: fields.ids,
      buffers: new Array<Buffer>(fields.ids.length).fill(json),
      starts: Array.from(fields.ends, (_, slot) => (slot === 0 ? 0 : fields.ends[slot - 1]!)),
      ends: Array.from(fields.ends),
      stories: Array.from(fields.stories),
      verdicts: Array.from(fields.verdicts),
      updated: Array.from(fields.updated),
      removedFlags: Array.from(fields.removed, (removed) => removed === 1),
      statementHashes: Array.from(fields.statementHashes),
    });
    shelf.statementOwners = undefined;
    fields.ids.forEach((id, slot) => shelf.slotOf.set(id, slot));
    shelf.liveCount = fields.removed.length - fields.removed.reduce((sum, removed) => sum + removed, 0);
    return shelf;
  }

  /** The shelf as data: its fields, and each claim's JSON (the bytes themselves: a change puts new ones, never edits them). */
  snapshot(): { fields: ShelfFields; json: Uint8Array[] } {
    const ends = new Uint32Array(this.ids.length);
    let length = 0;
    this.ids.forEach((_, slot) => (ends[slot] = length += this.ends[slot]! - this.starts[slot]!));
    const fields: ShelfFields = {
      ids: [...this.ids],
      stories: Uint32Array.from(this.stories),
      storyIds: [...this.storyNumbers.values],
      verdicts: Uint8Array.from(this.verdicts),
      updated: Float64Array.from(this.updated),
      removed: Uint8Array.from(this.removedFlags, Number),
      statementHashes: Int32Array.from(this.statementHashes),
      ends,
    };
    return { fields, json: this.ids.map((_, slot) => this.buffers[slot]!.subarray(this.starts[slot], this.ends[slot])) };
  }

  /** Puts a claim on the shelf (in search, or removed), replacing the version there. */
  put(claim: Claim, removed: boolean): void {
    let slot = this.slotOf.get(claim.id);
    if (slot === undefined) {
      slot = this.ids.length;
      this.slotOf.set(claim.id, slot);
      this.ids.push(claim.id);
      this.removedFlags.push(true);
    }
    if (!this.removedFlags[slot]) this.disown(slot);
    this.parsed.delete(claim.id);
    const json = Buffer.from(JSON.stringify(claim));
    this.buffers[slot] = json;
    this.starts[slot] = 0;
    this.ends[slot] = json.length;
    this.stories[slot] = this.storyNumbers.of(claim.story);
    this.verdicts[slot] = VERDICT_NUMBERS.of(claim.verdict);
    this.updated[slot] = Date.parse(claim.updatedAt);
    this.removedFlags[slot] = removed;
    this.statementHashes[slot] = statementHash(claim.statement);
    if (!removed) this.own(slot);
  }

  /** How many claims are in search. */
  get size(): number {
    return this.liveCount;
  }

  /** A claim in search by id. */
  live(id: string): Claim | undefined {
    const slot = this.slotOf.get(id);
    return slot !== undefined && !this.removedFlags[slot] ? this.parse(slot) : undefined;
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
    const slot = this.slotOf.get(id);
    return slot !== undefined && this.removedFlags[slot] ? this.parse(slot) : undefined;
  }

  /** The claims in search (or the removed ones) of one story or all, each read whole: for exports and summaries. */
  *claims({ removed = false, story }: { removed?: boolean; story?: string } = {}): Generator<Claim> {
    const storyNumber = this.storyNumbers.filter(story);
    for (let slot = 0; slot < this.ids.length; slot++) {
      if (this.removedFlags[slot] === removed && (storyNumber === NO_FILTER || this.stories[slot] === storyNumber)) yield this.parse(slot);
    }
  }

  /** The claims in search most recently updated, newest first (ties: the id that sorts first), read whole only those. */
  newest(limit: number, { verdict, story }: { verdict?: Verdict; story?: string } = {}): Claim[] {
    const verdictNumber = VERDICT_NUMBERS.filter(verdict);
    const storyNumber = this.storyNumbers.filter(story);
    const newer = (a: number, b: number) => this.updated[a]! > this.updated[b]! || (this.updated[a] === this.updated[b] && this.ids[a]! < this.ids[b]!);
    const found: number[] = [];
    for (let slot = 0; slot < this.ids.length; slot++) {
      if (
        this.removedFlags[slot] ||
        (verdictNumber !== NO_FILTER && this.verdicts[slot] !== verdictNumber) ||
        (storyNumber !== NO_FILTER && this.stories[slot] !== storyNumber)
      )
        continue;
      insertBest(found, slot, limit, newer);
    }
    return found.map((slot) => this.parse(slot));
  }

  /** The live claim that already has this statement (compared as `comparableText` does), if any. */
  statementOwner(statement: string): string | undefined {
    const text = comparableText(statement);
    const owners = this.owners().get(hashOf(text));
    for (const slot of owners === undefined ? [] : [owners].flat()) {
      if (comparableText(this.parse(slot).statement) === text) return this.ids[slot];
    }
    return undefined;
  }

  private owners(): Map<number, number | number[]> {
    if (!this.statementOwners) {
      this.statementOwners = new Map();
      for (let slot = 0; slot < this.ids.length; slot++) if (!this.removedFlags[slot]) this.addOwner(this.statementOwners, slot);
    }
    return this.statementOwners;
  }

  private own(slot: number): void {
    this.liveCount++;
    if (this.statementOwners) this.addOwner(this.statementOwners, slot);
  }

  private addOwner(owners: Map<number, number | number[]>, slot: number): void {
    const hash = this.statementHashes[slot]!;
    const known = owners.get(hash);
    owners.set(hash, known === undefined ? slot : [known, slot].flat());
  }

  private disown(slot: number): void {
    this.liveCount--;
    const owners = this.statementOwners;
    if (!owners) return;
    const hash = this.statementHashes[slot]!;
    const others = [owners.get(hash) ?? []].flat().filter((owner) => owner !== slot);
    if (others.length === 0) owners.delete(hash);
    else owners.set(hash, others.length === 1 ? others[0]! : others);
  }

  private parse(slot: number): Claim {
    const id = this.ids[slot]!;
    let claim = this.parsed.get(id);
    if (claim) this.parsed.delete(id);
    else claim = JSON.parse(this.buffers[slot]!.toString('utf8', this.starts[slot], this.ends[slot])) as Claim;
    // Most recently read last: the first key is the one read longest ago, dropped when the cache is full.
    this.parsed.set(id, claim);
    if (this.parsed.size > PARSED_CLAIMS) this.parsed.delete(this.parsed.keys().next().value!);
    return claim;
  }
}

/** The statement's comparable text, hashed: a map key that costs no allocation. */
function statementHash(statement: string): number {
  return hashOf(comparableText(statement));
}

/** FNV-1a, as a small integer. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >> 1;
}
