import type { CommandContext } from '../../src/command/command.ts';
import { RefusedError } from '../../src/core/errors.ts';
import { EXPORT_EXTENSIONS, exportClaims } from '../../src/exchange/export.ts';
import type { Reply } from '../../src/views/reply.ts';
import type { ArgsOf } from './definition.ts';

/** The claims (or one story's) as a file in the format asked for, only to the moderator. */
export function exportFile(options: ArgsOf<'export'>, { store, newsroom }: CommandContext): Reply {
  if (options.story && !store.story(options.story)) throw new RefusedError({ kind: 'no-story', story: options.story });
  const dataset = store.dataset(options.story);
  const content = exportClaims(dataset, options.format, { newsroom });
  const name = `claims${options.story ? `-${options.story}` : ''}.${EXPORT_EXTENSIONS[options.format]}`;
  return {
    content: `${dataset.claims.length} claims${options.story ? ` of ${options.story}` : ''} as ${options.format}, as of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    files: [{ name, content }],
    ephemeral: true,
  };
}
