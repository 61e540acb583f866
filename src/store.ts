import type { Claim, Dataset, Story } from './schema.ts';
import { loadDataset } from './dataset.ts';
import { ClaimSearch, type SearchHit, type SearchOptions } from './search/claim-search.ts';

/**
 * The claims the bot serves: a validated dataset held in memory with its search index.
 * Reads only for now; writes (with an audit trail) and change events arrive with the moderator commands.
 */
export class ClaimStore {
  private readonly claimsById: Map<string, Claim>;
  private readonly storiesById: Map<string, Story>;
  private readonly index: ClaimSearch;

  constructor(
    readonly file: string,
    private readonly dataset: Dataset,
  ) {
    this.claimsById = new Map(dataset.claims.map((claim) => [claim.id, claim]));
    this.storiesById = new Map(dataset.stories.map((story) => [story.id, story]));
    this.index = new ClaimSearch(dataset.claims, dataset.stories);
  }

  /** Loads and validates `file`; throws a DatasetError naming file, record and field when it is invalid. */
  static async open(file: string): Promise<ClaimStore> {
    return new ClaimStore(file, await loadDataset(file));
  }

  get claims(): readonly Claim[] {
    return this.dataset.claims;
  }

  get stories(): readonly Story[] {
    return this.dataset.stories;
  }

  claim(id: string): Claim | undefined {
    return this.claimsById.get(id);
  }

  story(id: string): Story | undefined {
    return this.storiesById.get(id);
  }

  search(query: string, options?: SearchOptions): SearchHit[] {
    return this.index.search(query, options);
  }
}
