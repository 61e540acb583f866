import type { SummaryRecord, SummaryTable } from '../store/summary-table.ts';
import { RefusedError } from '../core/errors.ts';
import type { Logger } from '../core/log.ts';
import type { ClaimStore } from '../store/claim-store.ts';
import { DeliveryError, problemSentence, type SummaryTransport } from './delivery.ts';
import { pageHash, stampPage, summaryPages } from './summary-view.ts';

/** Timers the sync waits with: real ones in the bot, ones a test fires by hand. */
export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  // unref: a pending summary edit never keeps a stopping process alive (startup catches up on it).
  set: (run, ms) => setTimeout(run, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface SummarySyncOptions {
  /** Whether this process keeps `summary` up to date. A sharded deployment lets only the guild's own shard edit. Default: always. */
  shouldEdit?: (summary: SummaryRecord) => boolean;
  /** How long changes to a story are gathered before its summaries are edited once. Default 1 s. */
  coalesceMs?: number;
  /** The first wait after Discord refused an edit for its rate (30046) without saying how long; doubled on each refusal. Default 60 s. */
  backoffMs?: number;
  /** The longest wait between two tries. Default 15 min. */
  maxBackoffMs?: number;
  timers?: Timers;
  now?: () => Date;
}

/** What bringing one summary up to date did, for the moderator's reply. */
export interface SyncOutcome {
  channelId: string;
  /** How many messages the summary has now. */
  messages: number;
  posted: number;
  edited: number;
  deleted: number;
  /** Messages left unpinned (pin limit, or no Pin Messages permission). */
  unpinned: number;
  /** Sentences for the moderator: what Discord refused, and what to do. */
  problems: string[];
  /** Its channel is gone, so the summary was forgotten. */
  forgotten: boolean;
  /** Discord asked us to slow down (30046, or another rate limit): a later try will finish the job. */
  retryLater: boolean;
  /** How long Discord asked us to wait, when it said (else 0). */
  retryAfterMs: number;
}

/**
 * Keeps every posted summary true to its story. Changes are gathered per story for `coalesceMs` (trailing) before
 * anything reaches discord.js, whose REST queue would otherwise send every stale edit; a page whose content did not
 * change is not edited. One story's Discord work runs one job at a time, in order.
 *
 * Deleted message (10008): the summary is posted again, whole and in order, and pinned: its record is the
 * newsroom's decision that the summary belongs in that channel, and `/summary remove` is how it is taken down.
 * Deleted channel (10003): the summary is forgotten, as there is nowhere left to post it.
 */
export class SummarySync {
  private readonly summaries: SummaryTable;
  private readonly shouldEdit: (summary: SummaryRecord) => boolean;
  private readonly coalesceMs: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly timers: Timers;
  private readonly now: () => Date;
  /** A flush due per story. */
  private readonly due = new Map<string, unknown>();
  /** The work running or queued per story. */
  private readonly lanes = new Map<string, Promise<void>>();
  /** The next wait per story after Discord asked us to slow down. */
  private readonly backoff = new Map<string, number>();
  /** The last problem of each summary (by channel and story), until it syncs cleanly: `/summary list` shows it. */
  readonly problems = new Map<string, string>();
  private unsubscribe: (() => void) | undefined;
  private stopped = false;

  constructor(
    private readonly store: ClaimStore,
    private readonly transport: SummaryTransport,
    private readonly log: Logger,
    options: SummarySyncOptions = {},
  ) {
    this.summaries = store.summaries;
    this.shouldEdit = options.shouldEdit ?? (() => true);
    this.coalesceMs = options.coalesceMs ?? 1000;
    this.backoffMs = options.backoffMs ?? 60_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 15 * 60_000;
    this.timers = options.timers ?? realTimers;
    this.now = options.now ?? (() => new Date());
  }

  /** Follows the store's changes, and brings up to date every summary whose story changed while the bot was away. */
  async start(): Promise<void> {
    this.unsubscribe = this.store.subscribe((change) => {
      for (const story of new Set([change.after.story, change.before?.story])) if (story) this.schedule(story, this.coalesceMs);
    });
    const stories = new Set((await this.summaries.list()).map((summary) => summary.story));
    for (const story of stories) this.schedule(story, 0);
  }

  /** Stops following changes and waits for the Discord work under way. What is left is caught up on at the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    for (const handle of this.due.values()) this.timers.clear(handle);
    this.due.clear();
    await this.settled();
  }

  /** Resolves once no Discord work is running or queued (a flush that is only due is not waited for). */
  async settled(): Promise<void> {
    while (this.lanes.size > 0) await Promise.all(this.lanes.values());
  }

  /** Posts and pins the summary of `story` in a channel; when it is already there, brings it up to date and pins it again. */
  async post(target: { guildId: string; channelId: string; story: string }): Promise<SyncOutcome & { existed: boolean }> {
    if (!this.store.story(target.story)) throw new RefusedError({ kind: 'no-story', story: target.story });
    return this.inLane(target.story, async () => {
      const existing = (await this.summaries.list(target.story)).find((summary) => summary.channelId === target.channelId);
      const record = existing ?? { ...target, messageIds: [], hash: '', updatedAt: this.now().toISOString() };
      return { ...(await this.bringUpToDate(record, { repin: existing !== undefined })), existed: existing !== undefined };
    });
  }

  /** Brings every summary of `story` that this process keeps up to date now. */
  async refresh(story: string): Promise<SyncOutcome[]> {
    return this.inLane(story, async () => {
      const outcomes: SyncOutcome[] = [];
      for (const record of (await this.summaries.list(story)).filter(this.shouldEdit)) outcomes.push(await this.bringUpToDate(record));
      return outcomes;
    });
  }

  /** Deletes a summary's messages (which unpins them) and forgets it. Returns the sentences for anything Discord refused. */
  async remove(target: { channelId: string; story: string }): Promise<string[]> {
    return this.inLane(target.story, async () => {
      const record = (await this.summaries.list(target.story)).find((summary) => summary.channelId === target.channelId);
      if (!record) throw new RefusedError({ kind: 'no-summary', story: target.story, channelId: target.channelId });
      const problems: string[] = [];
      for (const id of record.messageIds) {
        try {
          await this.deleteQuietly(record.channelId, id);
        } catch (error) {
          if (!(error instanceof DeliveryError)) throw error;
          problems.push(`${problemSentence(error, record.channelId)} Delete its messages by hand.`);
        }
      }
      await this.summaries.forget(record);
      this.problems.delete(summaryKey(record));
      this.log.info('summary removed', { story: record.story, channel: record.channelId, messages: record.messageIds.length });
      return problems;
    });
  }

  private schedule(story: string, ms: number): void {
    // Already due: this change will be in it. A due retry after a rate limit is not brought forward either.
    if (this.due.has(story) || this.stopped) return;
    this.due.set(
      story,
      this.timers.set(() => {
        this.due.delete(story);
        void this.inLane(story, () => this.flush(story));
      }, ms),
    );
  }

  /** Runs `work` after the story's earlier work: one story's messages are never edited by two jobs at once. */
  private inLane<T>(story: string, work: () => Promise<T>): Promise<T> {
    const result = (this.lanes.get(story) ?? Promise.resolve()).then(work);
    const lane = result.then(
      () => undefined,
      () => undefined,
    );
    this.lanes.set(story, lane);
    void lane.then(() => {
      if (this.lanes.get(story) === lane) this.lanes.delete(story);
    });
    return result;
  }

  /** The background update after a change: every failure is logged, and a retry is due for any that may pass later. */
  private async flush(story: string): Promise<void> {
    let retry = false;
    let retryAfterMs = 0;
    try {
      for (const record of (await this.summaries.list(story)).filter(this.shouldEdit)) {
        const outcome = await this.bringUpToDate(record);
        retry ||= outcome.retryLater;
        retryAfterMs = Math.max(retryAfterMs, outcome.retryAfterMs);
      }
    } catch (error) {
      this.log.error('could not update a story summary', { story, error });
      retry = true;
    }
    if (!retry) {
      this.backoff.delete(story);
      return;
    }
    // Never drop the final state: try again later (as long as Discord said, else longer each time); the retry
    // renders the story as it is then.
    const backoff = this.backoff.get(story) ?? this.backoffMs;
    this.backoff.set(story, Math.min(backoff * 2, this.maxBackoffMs));
    const wait = retryAfterMs > 0 ? retryAfterMs : backoff;
    const pending = this.due.get(story);
    if (pending !== undefined) this.timers.clear(pending);
    this.due.delete(story);
    this.schedule(story, wait);
  }

  /** Makes the summary's messages show the story as it is now: edits the pages that changed, posts new ones, deletes surplus ones. */
  private async bringUpToDate(record: SummaryRecord, { repin = false } = {}): Promise<SyncOutcome> {
    const outcome: SyncOutcome = {
      channelId: record.channelId,
      messages: 0,
      posted: 0,
      edited: 0,
      deleted: 0,
      unpinned: 0,
      problems: [],
      forgotten: false,
      retryLater: false,
      retryAfterMs: 0,
    };
    const story = this.store.story(record.story);
    if (!story) {
      this.log.warn('summary of an unknown story left as it is', { story: record.story, channel: record.channelId });
      return outcome;
    }
    const pages = summaryPages(story, this.store.claimsOf(story.id));
    const hashes = pages.map(pageHash);
    const ids = [...record.messageIds];
    const shown = record.hash.split(' ').slice(0, ids.length);
    const now = this.now();
    const save = async () => {
      outcome.messages = ids.length;
      // A summary that never got a message out is not recorded: there is nothing to keep up to date.
      if (ids.length === 0 && record.messageIds.length === 0) return;
      await this.summaries.save({ ...record, messageIds: ids, hash: shown.join(' '), updatedAt: now.toISOString() });
    };
    try {
      for (const [i, page] of pages.entries()) {
        if (i < ids.length) {
          if (shown[i] === hashes[i]) continue;
          await this.transport.edit(record.channelId, ids[i]!, stampPage(page, now));
          outcome.edited++;
        } else {
          ids.push(await this.transport.post(record.channelId, stampPage(page, now)));
          outcome.posted++;
          await this.pin(record.channelId, ids.at(-1)!, outcome);
        }
        shown[i] = hashes[i]!;
      }
      while (ids.length > pages.length) {
        await this.deleteQuietly(record.channelId, ids.at(-1)!);
        ids.pop();
        shown.length = ids.length;
        outcome.deleted++;
      }
      if (repin) for (const id of ids.slice(0, ids.length - outcome.posted)) await this.pin(record.channelId, id, outcome);
    } catch (error) {
      if (!(error instanceof DeliveryError)) {
        await save();
        throw error;
      }
      if (error.problem === 'unknown-channel') {
        await this.summaries.forget(record);
        this.problems.delete(summaryKey(record));
        this.log.warn('summary channel is gone: summary forgotten', { story: record.story, channel: record.channelId });
        return { ...outcome, forgotten: true, problems: [problemSentence(error, record.channelId)] };
      }
      if (error.problem === 'unknown-message') {
        this.log.warn('summary message was deleted: posting the summary again', { story: record.story, channel: record.channelId, messages: ids });
        return this.postAgain(record, outcome);
      }
      outcome.retryLater = error.problem === 'rate-limited';
      outcome.retryAfterMs = error.retryAfterMs;
      outcome.problems.push(problemSentence(error, record.channelId));
      this.log[outcome.retryLater ? 'warn' : 'error']('could not update a summary', {
        story: record.story,
        channel: record.channelId,
        problem: error.problem,
        operation: error.operation,
      });
    }
    await save();
    this.noteProblems(record, outcome);
    return outcome;
  }

  /** Deletes what is left of a summary and posts it again, whole and in order, pinned. */
  private async postAgain(record: SummaryRecord, outcome: SyncOutcome): Promise<SyncOutcome> {
    for (const id of record.messageIds) {
      await this.deleteQuietly(record.channelId, id).catch((error: unknown) =>
        this.log.warn('could not delete a summary message', { channel: record.channelId, message: id, error }),
      );
    }
    return this.bringUpToDate({ ...record, messageIds: [], hash: '' }, {}).then((again) => ({ ...again, edited: outcome.edited }));
  }

  private async pin(channelId: string, messageId: string, outcome: SyncOutcome): Promise<void> {
    try {
      await this.transport.pin(channelId, messageId);
    } catch (error) {
      if (!(error instanceof DeliveryError) || error.problem === 'unknown-channel' || error.problem === 'rate-limited') throw error;
      // Deleted at once: the next update notices and posts it again.
      if (error.problem === 'unknown-message') return;
      outcome.unpinned++;
      const sentence = problemSentence(error, channelId);
      if (!outcome.problems.includes(sentence)) outcome.problems.push(sentence);
      this.log.warn('summary posted unpinned', { channel: channelId, message: messageId, problem: error.problem });
    }
  }

  /** A message that is already gone is as good as deleted. */
  private async deleteQuietly(channelId: string, messageId: string): Promise<void> {
    try {
      await this.transport.delete(channelId, messageId);
    } catch (error) {
      if (error instanceof DeliveryError && (error.problem === 'unknown-message' || error.problem === 'unknown-channel')) return;
      throw error;
    }
  }

  private noteProblems(record: SummaryRecord, outcome: SyncOutcome): void {
    if (outcome.problems.length > 0) this.problems.set(summaryKey(record), outcome.problems.join(' '));
    else this.problems.delete(summaryKey(record));
  }
}

export function summaryKey({ channelId, story }: Pick<SummaryRecord, 'channelId' | 'story'>): string {
  return `${channelId}:${story}`;
}
