import type { Claim, Party, Story } from '../schema.ts';
import type { Draft, Drafts } from './draft.ts';
import { slugify } from './identity.ts';
import { dateOf, firstObject, hasType, isObject, nameOf, textOf, values, type JsonObject } from './json-values.ts';
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
  return { '@type': type, name: party.name, ...(party.description && { description: party.description }) };
}

const storyNodeId = (storyId: string) => `_:story-${storyId}`;

/** A story as a node of the graph that its reviews point to (`isPartOf`); its article is what it `isBasedOn`. */
function storyNode(story: Story): JsonObject {
  const { outlet, url, date, title } = story.source;
  return {
    '@id': storyNodeId(story.id),
    '@type': 'CreativeWork',
    identifier: story.id,
    name: story.title,
    isBasedOn: {
      '@type': 'NewsArticle',
      publisher: { '@type': 'Organization', name: outlet },
      ...(url && { url }),
      ...(date && { datePublished: date }),
      ...(title && { headline: title }),
    },
    ...(story.additionalSources.length > 0 && { citation: story.additionalSources }),
  };
}

/** One claim as a ClaimReview. `url` and `datePublished` are left out: we know neither for our own reviews. */
function reviewNode(claim: Claim, newsroom: Newsroom): JsonObject {
  const { citing, reportedBy } = claim.attribution;
  return {
    '@type': 'ClaimReview',
    identifier: claim.id,
    claimReviewed: claim.statement,
    itemReviewed: {
      '@type': 'Claim',
      author: partyNode(claim.claimant),
      appearance: {
        '@type': 'CreativeWork',
        publisher: { '@type': 'Organization', name: reportedBy.outlet },
        ...(reportedBy.url && { url: reportedBy.url }),
        ...(reportedBy.date && { datePublished: reportedBy.date }),
      },
      ...(citing && { citation: citing }),
      ...(claim.context && { description: claim.context }),
      ...(claim.tags.length > 0 && { keywords: claim.tags }),
      'claimbot:quote': claim.quote,
    },
    reviewRating: { '@type': 'Rating', alternateName: VERDICT_WORDS[claim.verdict] },
    ...(claim.note && { reviewBody: claim.note }),
    author: { '@type': 'Organization', name: newsroom.name, ...(newsroom.url && { url: newsroom.url }) },
    isPartOf: { '@id': storyNodeId(claim.story) },
    dateCreated: claim.createdAt,
    dateModified: claim.updatedAt,
    ...(claim.flags.length > 0 && { 'claimbot:flags': claim.flags }),
    'claimbot:addedBy': claim.addedBy,
  };
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
  return values(root).filter(isObject).flatMap((node): JsonObject[] => {
    if (node['@graph'] !== undefined) return nodesOf(node['@graph']);
    if (hasType(node, 'DataFeed')) return nodesOf(node.dataFeedElement);
    if (hasType(node, 'DataFeedItem')) return nodesOf(node.item);
    return [node];
  });
}

/** The ClaimReviews of a JSON-LD file, or undefined when it holds none. */
export function readClaimReviews(root: unknown, fileName: string): Drafts | undefined {
  const nodes = nodesOf(root);
  const reviews = nodes.filter((node) => hasType(node, 'ClaimReview'));
  if (reviews.length === 0) return undefined;
  const byNodeId = new Map(nodes.flatMap((node) => (typeof node['@id'] === 'string' ? [[node['@id'], node] as const] : [])));
  /** A value, or the node it points to with `{ "@id": … }`. */
  const resolve = (value: unknown): JsonObject | undefined => {
    const node = firstObject(value);
    const target = typeof node?.['@id'] === 'string' ? byNodeId.get(node['@id']) : undefined;
    return target ?? node;
  };

  const stories = new Map<string, Draft>();
  const claims = reviews.map((review, index): Draft => {
    const record = { index, label: `reviews[${index}]`, ...(typeof review.identifier === 'string' && { id: review.identifier }) };
    const item = resolve(review.itemReviewed) ?? {};
    const statement = textOf(review.claimReviewed) ?? textOf(item.text);
    const source: ReviewSource = {
      publisher: nameOf(resolve(review.author) ?? resolve(review.publisher)),
      url: textOf(review.url),
      date: dateOf(review.datePublished),
      title: textOf(review.headline) ?? textOf(review.name),
    };
    const storyNode = resolve(review.isPartOf);
    const story = storyNode && hasType(storyNode, 'CreativeWork') && storyNode.identifier ? storyFromNode(storyNode, resolve) : storyFromReview(source, statement, fileName);
    if (typeof story.id === 'string' && !stories.has(story.id)) {
      stories.set(story.id, { record: { index: stories.size, label: `stories[${stories.size}]`, id: story.id }, fields: story });
    }

    const claimant = resolve(item.author) ?? resolve(item.creator);
    const claimantDescription = textOf(claimant?.description) ?? textOf(claimant?.jobTitle);
    const appearance = resolve(item.appearance) ?? resolve(item.firstAppearance);
    const rating = resolve(review.reviewRating);
    const ratingWords = textOf(rating?.alternateName) ?? textOf(rating?.name);
    const { verdict, note: ratingNote } = verdictFromRatings(ratingWords ? [{ words: ratingWords, ...(source.publisher && { by: source.publisher }) }] : []);
    const note = [textOf(review.reviewBody), ratingNote].filter(Boolean).join(' ');
    const claimDate = dateOf(item.datePublished);
    const context = textOf(item.description) ?? (claimDate && `on ${claimDate}`);
    const fields: JsonObject = {
      ...(typeof review.identifier === 'string' && /^[a-z0-9-]+$/.test(review.identifier) && { id: review.identifier }),
      story: story.id,
      statement,
      quote: item['claimbot:quote'] ?? false,
      claimant: { name: nameOf(claimant) ?? UNNAMED_CLAIMANT, ...(claimantDescription && { description: claimantDescription }) },
      attribution: {
        ...(textOf(item.citation) && { citing: textOf(item.citation) }),
        reportedBy: appearance ? reportFromAppearance(appearance, source, fileName) : reportFromReview(source, fileName),
      },
      ...(context && { context }),
      tags: tagsOf(item.keywords),
      verdict,
      flags: review['claimbot:flags'] ?? [],
      ...(note && { note }),
      ...(textOf(review.dateCreated) && { createdAt: textOf(review.dateCreated) }),
      ...(textOf(review.dateModified) && { updatedAt: textOf(review.dateModified) }),
      ...(textOf(review['claimbot:addedBy']) && { addedBy: textOf(review['claimbot:addedBy']) }),
    };
    return { record, fields };
  });
  return { format: 'claimreview', claims, stories: [...stories.values()] };
}

/** Our own story node, read back. */
function storyFromNode(node: JsonObject, resolve: (value: unknown) => JsonObject | undefined): JsonObject {
  const article = resolve(node.isBasedOn) ?? {};
  const url = textOf(article.url);
  const date = textOf(article.datePublished);
  const title = textOf(article.headline);
  return {
    id: textOf(node.identifier),
    title: textOf(node.name),
    source: { outlet: nameOf(resolve(article.publisher)), ...(url && { url }), ...(date && { date }), ...(title && { title }) },
    additionalSources: values(node.citation).map(textOf).filter((text) => text !== undefined),
  };
}

/** Where the claim appeared (a post, an article, a speech's transcript), when the review says. */
function reportFromAppearance(appearance: JsonObject, review: ReviewSource, fileName: string): JsonObject {
  const url = textOf(appearance.url);
  const date = dateOf(appearance.datePublished);
  const outlet = nameOf(appearance.publisher) ?? nameOf(appearance.author);
  if (!outlet && !url) return reportFromReview(review, fileName);
  return reportFromReview({ ...(outlet && { publisher: outlet }), ...(url && { url }), ...(date && { date }) }, fileName);
}

/** `keywords` as a list or a comma-separated text, made into tag slugs. */
function tagsOf(keywords: unknown): string[] {
  const words = values(keywords).flatMap((value) => (textOf(value) ?? '').split(','));
  return [...new Set(words.map((word) => slugify(word)).filter(Boolean))];
}
