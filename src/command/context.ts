import { DEFAULT_NEWSROOM_NAME } from '../config/config.ts';
import type { Actor, ClaimStore } from '../store/claim-store.ts';
import type { CommandContext } from './command.ts';

/** What a context may carry besides the store and who is asking: each edge fills in what it has. */
export type ContextOptions = Partial<Omit<CommandContext, 'store' | 'actor'>>;

/** The one way a CommandContext is made, in Discord, at the console and in the tests alike. */
export function createContext(store: ClaimStore, actor: Actor, options: ContextOptions = {}): CommandContext {
  return { ...options, store, actor, newsroom: options.newsroom ?? { name: DEFAULT_NEWSROOM_NAME } };
}
