import { isWebUrl, type Claim, type Party, type Story } from '../core/schema.ts';
import type { Draft, Drafts } from './record-draft.ts';
import { slugify } from '../core/claim-id.ts';
import { dateOf, firstObject, hasType, isObject, nameOf, present, textOf, values, type JsonObject } from './json-values.ts';
import { VERDICT_WORDS } from './ratings.ts';
import { reportFromReview, storyFromReview, UNNAMED_CLAIMANT, verdictFromRatings, type ReviewSource } from './review-sources.ts';

export interface Newsroom {
  name: string;
  url?: string;
}

/**
 * What schema.org has no word for (a quote or a paraphrase, the sourcing flags, who added the claim) goes under
 * our own prefix, which JSON-LD processors expand to `urn:claimbot:quote` and so on.
 */
const CONTEXT = ['https://schema.org', { claimbot: 'urn:claimbot:' }];

/**
 * Our claimants carry no type; schema.org wants a Person or an Organization. A description naming a personal role
 * ("Ukrainian President") makes a Person; everything else (newspapers, think tanks, "Some reports") an Organization.
 */
const PERSONAL_ROLES =
  /\b(?:president|prime minister|minister|chancellor|spokes(?:person|man|woman)|senator|governor|mayor|ambassador|general|commander|secretary|king|queen|candidate|lawmaker|mp|journalist|analyst|official|leader)\b/i;

function partyNode(party: Party): JsonObject {
  const type = party.description && PERSONAL_ROLES.test(party.description) ? 'Person' : 'Organization';
  return present({ '@type': type, name: party.name, description: party.description });
}

/** An empty list is left out rather than written as `[]`. */
const nonEmpty = <T>(list: readonly T[]) => (list.length > 0 ? list : undefined);

const storyNodeId = (storyId: string) => `_:story-${storyId}`;

/** A story as a node of the graph that its reviews point to (`isPartOf`); its article is what it `isBasedOn`. */
function storyNode(story: Story): JsonObject {
  const { outlet, url, date, title } = story.source;
  return present({
    '@id': storyNodeId(story.id),
    '@type': 'CreativeWork',
    identifier: story.id,
    name: story.title,
    // A link that is not a web page (kept by a database written before they were refused) is not published.
    isBasedOn: present({
      '@type': 'NewsArticle',
      publisher: { '@type': 'Organization', name: outlet },
      url: isWebUrl(url) ? url : undefined,
      datePublished: date,
      headline: title,
    }),
    citation: nonEmpty(story.additionalSources),
  });
}

/** One claim as a ClaimReview. `url` and `datePublished` are left out: we know neither for our own reviews. */
function reviewNode(claim: Claim, newsroom: Newsroom): JsonObject {
  const { citing, reportedBy } = claim.attribution;
  return present({
    '@type': 'ClaimReview',
    identifier: claim.id,
    claimReviewed: claim.statement,
    itemReviewed: present({
      '@type': 'Claim',
      author: partyNode(claim.claimant),
      appearance: present({
        '@type': 'CreativeWork',
        publisher: { '@type': 'Organization', name: reportedBy.outlet },
        url: isWebUrl(reportedBy.url) ? reportedBy.url : undefined,
        datePublished: reportedBy.date,
      }),
      citation: citing,
      description: claim.context,
      keywords: nonEmpty(claim.tags),
      'claimbot:quote': claim.quote,
    }),
    reviewRating: { '@type': 'Rating', alternateName: VERDICT_WORDS[claim.verdict] },
    reviewBody: claim.note,
    author: present({ '@type': 'Organization', name: newsroom.name, url: newsroom.url }),
    isPartOf: { '@id': storyNodeId(claim.story) },
    dateCreated: claim.createdAt,
    dateModified: claim.updatedAt,
    'claimbot:flags': nonEmpty(claim.flags),
    'claimbot:addedBy': claim.addedBy,
  });
}

/**
 * A JSON-LD document with one `@context` and a `@graph`: the stories once each, then one ClaimReview per claim
 * pointing to its story, so a story's details are not repeated in every review.
 */
export function claimReviewDocument(stories: readonly Story[], claims: readonly Claim[], newsroom: Newsroom): JsonObject {
  return { '@context': CONTEXT, '@graph': [...stories.map(storyNode), ...claims.map((claim) => reviewNode(claim, newsroom))] };
}

/** Every node of a JSON-LD file, whatever holds them: one object, an array, a `@graph`, a DataFeed's items. */
function nodesOf(root: unknown): JsonObject[] {
  return values(root)
    .filter(isObject)
    .flatMap((node): JsonObject[] => {
      if (node['@graph'] !== undefined) return nodesOf(node['@graph']);
      if (hasType(node, 'DataFeed')) return nodesOf(node.dataFeedElement);
      if (hasType(node, 'DataFeedItem')) return nodesOf(node.item);
      return [node];
    });
}

type Resolve = (value: unknown) => JsonObject | undefined;

const SOURCE_FIELDS = {
  id: 'identifier',
  story: 'isPartOf',
  statement: 'claimReviewed',
  quote: 'itemReviewed.claimbot:quote',
  'claimant.name': 'itemReviewed.author.name',
  'claimant.description': 'itemReviewed.author.description',
  'attribution.citing': 'itemReviewed.citation',
  'attribution.reportedBy': 'itemReviewed.appearance',
  context: 'itemReviewed.description',
  tags: 'itemReviewed.keywords',
  verdict: 'reviewRating.alternateName',
  flags: 'claimbot:flags',
  note: 'reviewBody',
  createdAt: 'dateCreated',
  updatedAt: 'dateModified',
  addedBy: 'claimbot:addedBy',
};

/**
 * Whether a review's author is us, as `reviewNode` writes it: our newsroom's name, and its URL when we have one.
 * Anyone can write our name in a file; what that gains is only what a file of ours could do, shown by the dry run.
 */
function isOurs(author: JsonObject | undefined, newsroom: Newsroom | undefined): boolean {
  if (!newsroom || nameOf(author) !== newsroom.name) return false;
  return newsroom.url === undefined || textOf(author?.url) === newsroom.url;
}

/** The ClaimReviews of a JSON-LD file, or undefined when it holds none. Those `newsroom` did not write are foreign. */
export function readClaimReviews(root: unknown, fileName: string, newsroom?: Newsroom): Drafts | undefined {
  const nodes = nodesOf(root);
  const reviews = nodes.filter((node) => hasType(node, 'ClaimReview'));
  if (reviews.length === 0) return undefined;
  const byNodeId = new Map(nodes.flatMap((node) => (typeof node['@id'] === 'string' ? [[node['@id'], node] as const] : [])));
  /** A value, or the node it points to with `{ "@id": … }`. */
  const resolve: Resolve = (value) => {
    const node = firstObject(value);
    const target = typeof node?.['@id'] === 'string' ? byNodeId.get(node['@id']) : undefined;
    return target ?? node;
  };
  const ourStories = new Map<JsonObject, JsonObject>();
  const stories = new Map<unknown, Draft>();
  const claims = reviews.map((review, index): Draft => {
    const source: ReviewSource = present({
      publisher: nameOf(resolve(review.author) ?? resolve(review.publisher)),
      url: textOf(review.url),
      date: dateOf(review.datePublished),
      title: textOf(review.headline) ?? textOf(review.name),
    });
    const statement = textOf(review.claimReviewed) ?? textOf(resolve(review.itemReviewed)?.text);
    const storyNode = resolve(review.isPartOf);
    let story: JsonObject;
    if (storyNode && isOurStoryNode(storyNode)) {
      story = ourStories.get(storyNode) ?? storyFromNode(storyNode, resolve);
      ourStories.set(storyNode, story);
    } else story = storyFromReview(source, statement, fileName);
    if (!stories.has(story.id)) {
      stories.set(story.id, { record: { index: stories.size, label: `stories[${stories.size}]`, ...present({ id: textOf(story.id) }) }, fields: story });
    }
    const fields = reviewFields(review, resolve, source, fileName);
    fields.story = story.id;
    const foreign = !isOurs(resolve(review.author), newsroom);
    return { record: { index, label: `reviews[${index}]`, ...present({ id: textOf(review.identifier) }) }, fields, ...(foreign ? { foreign } : {}) };
  });
  return { format: 'claimreview', claims, stories: [...stories.values()], sourceFields: SOURCE_FIELDS };
}

/** A ClaimReview's claim, as our fields. */
function reviewFields(review: JsonObject, resolve: Resolve, source: ReviewSource, fileName: string): JsonObject {
  const item = resolve(review.itemReviewed) ?? {};
  const claimant = resolve(item.author) ?? resolve(item.creator);
  const appearance = resolve(item.appearance) ?? resolve(item.firstAppearance);
  const rating = resolve(review.reviewRating);
  const ratingWords = textOf(rating?.alternateName) ?? textOf(rating?.name);
  const { verdict, note: ratingNote } = verdictFromRatings(ratingWords ? [present({ words: ratingWords, by: source.publisher })] : []);
  const claimDate = dateOf(item.datePublished);
  const identifier = textOf(review.identifier);
  return present({
    // Another tool's identifier is our id only when it is a slug like ours (not a URL or a number with spaces).
    id: identifier && /^[a-z0-9-]+$/.test(identifier) ? identifier : undefined,
    statement: textOf(review.claimReviewed) ?? textOf(item.text),
    quote: item['claimbot:quote'] ?? false,
    claimant: present({ name: nameOf(claimant) ?? UNNAMED_CLAIMANT, description: textOf(claimant?.description) ?? textOf(claimant?.jobTitle) }),
    attribution: present({
      citing: textOf(item.citation),
      reportedBy: appearance ? reportFromAppearance(appearance, source, fileName) : reportFromReview(source, fileName),
    }),
    context: textOf(item.description) ?? (claimDate && `on ${claimDate}`),
    tags: tagsOf(item.keywords),
    verdict,
    flags: review['claimbot:flags'] ?? [],
    note: [textOf(review.reviewBody), ratingNote].filter(Boolean).join(' ') || undefined,
    createdAt: textOf(review.dateCreated),
    updatedAt: textOf(review.dateModified),
    addedBy: textOf(review['claimbot:addedBy']),
  });
}

/** A story node as `storyNode` writes it (another tool's `isPartOf`, a website or a series, is not one of our stories). */
function isOurStoryNode(node: JsonObject): boolean {
  return hasType(node, 'CreativeWork') && node.identifier !== undefined && node.isBasedOn !== undefined;
}

/** Our own story node, read back. */
function storyFromNode(node: JsonObject, resolve: Resolve): JsonObject {
  const article = resolve(node.isBasedOn) ?? {};
  return {
    id: textOf(node.identifier),
    title: textOf(node.name),
    source: present({
      outlet: nameOf(resolve(article.publisher)),
      url: textOf(article.url),
      date: textOf(article.datePublished),
      title: textOf(article.headline),
    }),
    additionalSources: values(node.citation)
      .map(textOf)
      .filter((text) => text !== undefined),
  };
}

/** Where the claim appeared (a post, an article, a speech's transcript), when the review says. */
function reportFromAppearance(appearance: JsonObject, review: ReviewSource, fileName: string): JsonObject {
  const url = textOf(appearance.url);
  const date = dateOf(appearance.datePublished);
  const outlet = nameOf(appearance.publisher) ?? nameOf(appearance.author);
  if (!outlet && !url) return reportFromReview(review, fileName);
  return reportFromReview(present({ publisher: outlet, url, date }), fileName);
}

/** `keywords` as a list or a comma-separated text, made into tag slugs. */
function tagsOf(keywords: unknown): string[] {
  const words = values(keywords).flatMap((value) => (textOf(value) ?? '').split(','));
  return [...new Set(words.map((word) => slugify(word)).filter(Boolean))];
}
