import type { Command } from '../src/command/command.ts';
import { claimCommand } from './claim.ts';
import { checkClaimsCommand } from './check-claims.ts';
import { claimsCommand } from './claims/index.ts';
import { draftClaimsCommand } from './draft-claims.ts';
import { summaryCommand } from './summary.ts';

/** Every command the bot has: registered with Discord, dispatched by name, offered by the console. */
export const commands: readonly Command[] = [claimCommand, claimsCommand, checkClaimsCommand, summaryCommand, draftClaimsCommand];
