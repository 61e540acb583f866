import type { Draft, Drafts } from './record-draft.ts';
import { dateOf, firstObject, isObject, present, textOf, values, type JsonObject } from './json-values.ts';
import { reportFromReview, storyFromReview, UNNAMED_CLAIMANT, verdictFromRatings, type ReviewSource } from './review-sources.ts';

const SOURCE_FIELDS = {
  statement: 'text',
  'claimant.name': 'claimant',
  'attribution.reportedBy': 'claimReview[0]',
  context: 'claimDate',
  note: 'claimReview[].textualRating',
};

/** A Fact Check Tools API `claims:search` response: `{ claims: [{ text, claimant, claimDate, claimReview: [...] }] }`. */
export function isFactCheckResponse(root: unknown): root is JsonObject & { claims: unknown[] } {
  return (
    isObject(root) &&
    Array.isArray(root.claims) &&
    root.stories === undefined &&
    root.claims.every((claim) => isObject(claim) && (claim.text !== undefined || claim.claimReview !== undefined))
  );
}

/**
 * One claim per API claim. Its first review is the article it is filed under (the story and the report it was
 * taken from); every review's rating is kept in the note when there are several or they are not in our words.
 */
export function readFactCheckResponse(root: JsonObject & { claims: unknown[] }, fileName: string): Drafts {
  const stories = new Map<string, Draft>();
  const claims = root.claims.map((raw, index): Draft => {
    const claim = isObject(raw) ? raw : {};
    const reviews = values(claim.claimReview)
      .filter(isObject)
      .map((review) => {
        const publisher = firstObject(review.publisher);
        return present({
          publisher: textOf(publisher?.name),
          site: textOf(publisher?.site),
          url: textOf(review.url),
          date: dateOf(review.reviewDate),
          title: textOf(review.title),
          rating: textOf(review.textualRating),
        });
      });
    const first: ReviewSource = reviews[0] ?? {};
    const statement = textOf(claim.text);
    const story = storyFromReview(first, statement, fileName);
    if (!stories.has(story.id)) stories.set(story.id, { record: { index: stories.size, label: `stories[${stories.size}]`, id: story.id }, fields: story });
    const { verdict, note } = verdictFromRatings(
      reviews.flatMap((review) => (review.rating ? [present({ words: review.rating, by: review.publisher ?? review.site })] : [])),
    );
    const claimDate = dateOf(claim.claimDate);
    return {
      record: { index, label: `claims[${index}]` },
      fields: present({
        story: story.id,
        statement,
        quote: false,
        claimant: { name: textOf(claim.claimant) ?? UNNAMED_CLAIMANT },
        attribution: { reportedBy: reportFromReview(first, fileName) },
        context: claimDate && `on ${claimDate}`,
        verdict,
        note,
      }),
    };
  });
  return { format: 'factcheck-api', claims, stories: [...stories.values()], sourceFields: SOURCE_FIELDS };
}
