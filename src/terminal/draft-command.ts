import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../core/errors.ts';
import { replyToText } from './terminal-text.ts';
import type { ClaimStore } from '../store/claim-store.ts';
import { claimOfDraft, draftArticle, draftEmbed } from '../draft/draft-claims.ts';

export const DRAFT_USAGE = `  claimbot draft FILE|- [--outlet NAME] [--url URL] [--story ID] [--json]
                                                   propose the claims of an article (.txt, .md, .html; - reads
                                                   standard input), each as /claim would show it, or as JSON`;

interface DraftIo {
  out: (text: string) => void;
  data: (text: string) => void;
}

/** `claimbot draft`: reads the article, drafts its claims against those held, prints them. Nothing is saved. */
export async function draftCommand(
  args: readonly string[],
  openStore: () => Promise<ClaimStore>,
  io: DraftIo,
  stdin: () => Promise<Uint8Array>,
): Promise<number> {
  const parse = () =>
    parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { outlet: { type: 'string' }, url: { type: 'string' }, story: { type: 'string' }, json: { type: 'boolean' } },
    });
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    throw new UserError(`${(error as Error).message} Usage: claimbot draft FILE|- [--outlet NAME] [--url URL] [--story ID] [--json]`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UserError('draft takes one article: claimbot draft article.txt --outlet Euronews (or - to read standard input).');
  const file = positionals[0]!;
  if (values.url !== undefined && !URL.canParse(values.url))
    throw new UserError(`--url must be a URL like https://example.org/article; "${values.url}" is not one.`);
  const bytes =
    file === '-'
      ? await stdin()
      : await readFile(file).catch((error: NodeJS.ErrnoException) => {
          throw new UserError(
            error.code === 'ENOENT'
              ? `There is no file ${file}.`
              : error.code === 'EISDIR'
                ? `${file} is a folder, not an article.`
                : `Cannot read ${file}: ${error.message}`,
          );
        });
  const store = await openStore();
  try {
    const story = values.story === undefined ? undefined : store.story(values.story);
    if (values.story !== undefined && !story)
      throw new UserError(`There is no story "${values.story}"; leave --story out or name one of: ${store.stories.map(({ id }) => id).join(', ')}.`);
    const outlet = values.outlet ?? story?.source.outlet;
    if (!outlet) throw new UserError('Say which outlet published the article: --outlet NAME (or --story ID, to take its outlet).');
    const held = store.dataset().claims;
    const drafts = await draftArticle(bytes, file === '-' ? undefined : basename(file), { outlet, ...(values.url ? { url: values.url } : {}) }, held);
    if (values.json) {
      io.data(
        JSON.stringify(
          drafts.map((draft) => ({ ...(story ? { story: story.id } : {}), ...draft })),
          null,
          2,
        ),
      );
      return 0;
    }
    const taken = new Set(held.map(({ id }) => id));
    const blocks = drafts.map((draft, i) => {
      const claim = claimOfDraft(draft, story?.id ?? 'draft', (id) => taken.has(id));
      taken.add(claim.id);
      const repeat = draft.repeats ? ` (repeats claim ${draft.repeats})` : '';
      return `Draft ${i + 1} of ${drafts.length}${repeat}\n${replyToText({ embeds: [draftEmbed(claim, story)] })}`;
    });
    io.out(blocks.join('\n\n'));
    return 0;
  } finally {
    await store.close();
  }
}
