import Fuse, { type IFuseOptions } from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Claim, Dataset } from '../src/core/schema.ts';
import { ClaimSearch } from '../src/search/claim-search.ts';

/** One search approach under test: build it over a dataset, then ask it for the top claims. */
export interface Engine {
  name: string;
  describe: string;
  build(dataset: Dataset): (query: string, limit: number) => Claim[];
}

const FIELDS = ['statement', 'claimant.name', 'claimant.description', 'attribution.citing', 'attribution.reportedBy.outlet', 'context', 'tags'];

function fuse(options: IFuseOptions<Claim>) {
  return ({ claims }: Dataset) => {
    const index = new Fuse(claims, options);
    return (query: string, limit: number) => index.search(query, { limit }).map((result) => result.item);
  };
}

export const ENGINES: readonly Engine[] = [
  {
    name: 'fuse.js defaults',
    describe: 'new Fuse(claims, { keys }): the whole query as one pattern, near the start of each field',
    build: fuse({ keys: FIELDS }),
  },
  {
    name: 'fuse.js tuned',
    describe: 'useTokenSearch, weighted keys, threshold 0.4, ignoreFieldNorm: the best raw configuration measured (shared/notes)',
    build: fuse({
      keys: [
        { name: 'statement', weight: 1 },
        { name: 'claimant.name', weight: 0.8 },
        { name: 'claimant.description', weight: 0.5 },
        { name: 'attribution.citing', weight: 0.6 },
        { name: 'attribution.reportedBy.outlet', weight: 0.5 },
        { name: 'context', weight: 0.4 },
        { name: 'tags', weight: 0.4 },
      ],
      useTokenSearch: true,
      threshold: 0.4,
      ignoreFieldNorm: true,
    }),
  },
  {
    name: 'claimbot',
    describe: 'ClaimSearch: inverted index; fuse.js over candidate words of the vocabulary for typos',
    build: ({ claims, stories }) => {
      const index = new ClaimSearch(claims, stories);
      return (query, limit) => index.search(query, { limit }).map((hit) => hit.claim);
    },
  },
  {
    name: 'minisearch',
    describe: 'MiniSearch: inverted index with prefix and fuzzy (0.2) matching, the reference',
    build: ({ claims }) => {
      const byId = new Map(claims.map((claim) => [claim.id, claim]));
      const text: Record<string, (claim: Claim) => string> = {
        statement: (claim) => claim.statement,
        claimant: (claim) => `${claim.claimant.name} ${claim.claimant.description ?? ''}`,
        attribution: (claim) => `${claim.attribution.citing ?? ''} ${claim.attribution.reportedBy.outlet}`,
        context: (claim) => `${claim.context ?? ''} ${claim.tags.join(' ')}`,
      };
      const index = new MiniSearch<Claim>({
        fields: Object.keys(text),
        extractField: (claim, field) => (field === 'id' ? claim.id : text[field]!(claim)),
        searchOptions: { boost: { statement: 2, claimant: 1.5 }, prefix: true, fuzzy: 0.2 },
      });
      index.addAll(claims);
      return (query, limit) =>
        index
          .search(query)
          .slice(0, limit)
          .map((result) => byId.get(String(result.id))!);
    },
  },
];
