import { z } from 'zod';

/** How a moderator rates a claim. Kept apart from the sourcing flags: a claim can be confirmed and still secondhand. */
export const VERDICTS = ['unverified', 'confirmed', 'false', 'misleading', 'disputed', 'inconclusive', 'retracted'] as const;

/** How a claim is sourced, as reported. Several can apply at once. */
export const FLAGS = ['anonymous-source', 'secondhand', 'single-source', 'outlet-unverified', 'interested-party'] as const;

export type Verdict = (typeof VERDICTS)[number];
export type Flag = (typeof FLAGS)[number];

const slug = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens, like "zelensky-coalition"');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const PartySchema = z.strictObject({
  /** "Volodymyr Zelensky", "The Kyiv Independent", "Some reports" */
  name: text(200),
  /** "Ukrainian President", "Ukrainian newspaper" */
  description: text(200).optional(),
});

export const ReportSchema = z.strictObject({
  /** The outlet that published the report the claim was taken from. */
  outlet: text(200),
  /** Only when known: never invented. */
  url: z.url().optional(),
  date: z.iso.date().optional(),
});

export const ClaimSchema = z
  .strictObject({
    id: slug,
    story: slug,
    /** The words claimed, exactly as reported. */
    statement: text(4000),
    /** True when `statement` is the claimant's own words, verbatim; false for a reported paraphrase. */
    quote: z.boolean(),
    claimant: PartySchema,
    attribution: z.strictObject({
      /** Whom the claimant relays, as reported: "Western sources". Required for a secondhand claim. */
      citing: text(300).optional(),
      reportedBy: ReportSchema,
    }),
    /** Where or when it was said: "addressing Parliament in Kyiv on Wednesday". */
    context: text(500).optional(),
    tags: z.array(slug).default([]),
    verdict: z.enum(VERDICTS).default('unverified'),
    flags: z.array(z.enum(FLAGS)).default([]),
    /** A curator's note shown with the claim: "Euronews was unable to independently verify these claims." */
    note: text(1000).optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    addedBy: text(100),
  })
  .superRefine((claim, ctx) => {
    const repeated = claim.flags.find((flag, i) => claim.flags.indexOf(flag) !== i);
    if (repeated) ctx.addIssue({ code: 'custom', path: ['flags'], message: `"${repeated}" is listed twice` });
    if (claim.flags.includes('secondhand') && !claim.attribution.citing) {
      ctx.addIssue({ code: 'custom', path: ['attribution', 'citing'], message: 'a secondhand claim must say whom it cites' });
    }
    if (claim.updatedAt < claim.createdAt) {
      ctx.addIssue({ code: 'custom', path: ['updatedAt'], message: 'must not be before createdAt' });
    }
  });

export const StorySchema = z.strictObject({
  id: slug,
  title: text(200),
  source: ReportSchema.extend({ title: text(300).optional() }),
  /** Sources the article itself credits, e.g. "ISW". */
  additionalSources: z.array(text(200)).default([]),
});

export const DatasetSchema = z.strictObject({
  stories: z.array(StorySchema),
  claims: z.array(ClaimSchema),
});

export type Party = z.infer<typeof PartySchema>;
export type Claim = z.infer<typeof ClaimSchema>;
export type Story = z.infer<typeof StorySchema>;
export type Dataset = z.infer<typeof DatasetSchema>;
