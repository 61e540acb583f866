import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestClosedError, TooManyOpenRequestsError, type RequestAsker } from '../../src/store/request-table.ts';
import { enginesUnderTest } from '../support/postgres.ts';
import { uncachedStore } from '../support/store.ts';

// Readers' requests as the store keeps them: who asked, how often, what the desk did and whom it told. The commands
// on top (requests.e2e.test.ts) show one request at a time; these pin the table's counting, ordering and matching.
const moderator = { id: '600000000000000006', name: 'desk-editor' };
const reader = (n: number, where: 'channel' | 'dm' = 'channel'): RequestAsker => ({
  userId: `70000000000000000${n}`,
  guildId: where === 'channel' ? '200000000000000002' : null,
  channelId: where === 'channel' ? `30000000000000000${n}` : null,
});
const asActor = (asker: RequestAsker) => ({ id: asker.userId, name: `reader-${asker.userId.slice(-1)}` });
const [ana, ben, cleo, dev] = [reader(1), reader(2), reader(3), reader(4)];
const at = (minute: number) => new Date(Date.UTC(2026, 11, 6, 9, minute)).toISOString();

const cleanups: (() => Promise<void>)[] = [];
beforeEach(() => {
  // Only Date: the database drivers' own timers run as usual.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at(0));
});
afterEach(async () => {
  vi.useRealTimers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(enginesUnderTest())('readers’ requests on $engine', ({ scratch }) => {
  async function openRequests() {
    const database = await scratch();
    cleanups.push(database.cleanup);
    return openAgain(database.url);
  }
  /** The requests of another store (another bot) on the same database. */
  async function openAgain(url: string) {
    return Object.assign((await uncachedStore(url, cleanups)).requests, { url });
  }
  /** Records `asker`'s request for `words` (its key the lower-cased words) at `minute`, with room for 5 open ones. */
  const ask = async (requests: Awaited<ReturnType<typeof openRequests>>, words: string, asker: RequestAsker, minute: number, maxOpen = 5) => {
    vi.setSystemTime(at(minute));
    return requests.record(words.toLowerCase(), words, asker, asActor(asker), maxOpen);
  };

  it('counts each person once on the open request for the same words, keeping the first words and when it was asked', async () => {
    const requests = await openRequests();
    const first = await ask(requests, 'North Korean troops in Kursk', ana, 1);
    expect(first).toEqual({
      id: expect.any(Number),
      words: 'North Korean troops in Kursk',
      status: 'open',
      askers: 1,
      createdAt: at(1),
      updatedAt: at(1),
      claimId: null,
      note: null,
    });
    const second = await ask(requests, 'north korean TROOPS in kursk', ben, 2);
    expect(second).toEqual({ ...first, askers: 2, updatedAt: at(2) });
    // Asking again changes nothing, not even when it was last asked.
    expect(await ask(requests, 'North Korean troops in Kursk', ana, 3)).toEqual(second);
    expect(await requests.get(first.id)).toEqual(second);
    expect(await requests.log(first.id)).toEqual([
      { at: at(1), actor: `reader-1 (${ana.userId})`, action: 'asked', detail: 'North Korean troops in Kursk' },
      { at: at(2), actor: `reader-2 (${ben.userId})`, action: 'asked', detail: 'north korean TROOPS in kursk' },
    ]);
  });

  it('opens a new request for words whose request was closed', async () => {
    const requests = await openRequests();
    const first = await ask(requests, 'Tehran drones', ana, 1);
    await requests.close(first.id, { status: 'dismissed', note: 'not our story' }, moderator);
    const again = await ask(requests, 'Tehran drones', ana, 2);
    expect(again.id).not.toBe(first.id);
    expect(again).toMatchObject({ status: 'open', askers: 1, createdAt: at(2) });
    expect((await requests.get(first.id))?.status).toBe('dismissed');
  });

  it('refuses a person a new request once they are on as many open ones as allowed, naming them, but lets them join their own', async () => {
    const requests = await openRequests();
    const drones = await ask(requests, 'Tehran drones', ana, 1, 2);
    const kursk = await ask(requests, 'Kursk battalion', ana, 2, 2);
    const bens = await ask(requests, 'Pyongyang treaty', ben, 3, 2);

    const refused = ask(requests, 'Yemen mercenaries', ana, 4, 2);
    await expect(refused).rejects.toThrow(new TooManyOpenRequestsError([drones.id, kursk.id]));
    await expect(refused).rejects.toThrow('already asked in 2 open requests');
    await expect(refused).rejects.toMatchObject({ openRequestIds: [drones.id, kursk.id] });
    // Joining someone else's request is a new one for them too.
    await expect(ask(requests, 'Pyongyang treaty', ana, 5, 2)).rejects.toMatchObject({ openRequestIds: [drones.id, kursk.id] });
    expect((await requests.open(10)).map((request) => request.words)).toEqual(['Pyongyang treaty', 'Kursk battalion', 'Tehran drones']);
    expect(await requests.get(bens.id)).toMatchObject({ askers: 1 });

    // Asking again for one of their own is no new request; one more allowed is room for one more.
    expect(await ask(requests, 'Kursk battalion', ana, 6, 2)).toEqual(kursk);
    expect(await ask(requests, 'Yemen mercenaries', ana, 7, 3)).toMatchObject({ askers: 1, words: 'Yemen mercenaries' });
    // A closed request no longer counts.
    await requests.close(drones.id, { status: 'answered', claimId: 'reports-10000-troops-in-russia' }, moderator);
    expect(await ask(requests, 'Pyongyang treaty', ana, 8, 3)).toMatchObject({ id: bens.id, askers: 2 });
  });

  it('lists open requests most asked first, the latest asked first among equals, up to the limit', async () => {
    const requests = await openRequests();
    const once = await ask(requests, 'once', ana, 1);
    const thrice = await ask(requests, 'thrice', ana, 2);
    await ask(requests, 'thrice', ben, 3);
    await ask(requests, 'thrice', cleo, 4);
    const twiceEarly = await ask(requests, 'twice early', ana, 5);
    const twiceLate = await ask(requests, 'twice late', ben, 6);
    await ask(requests, 'twice early', ben, 7);
    await ask(requests, 'twice late', cleo, 8);
    const closed = await ask(requests, 'closed', ana, 9);
    for (const asker of [ben, cleo, dev]) await ask(requests, 'closed', asker, 10);
    await requests.close(closed.id, { status: 'dismissed', note: 'duplicate' }, moderator);

    expect((await requests.open(10)).map((request) => request.id)).toEqual([thrice.id, twiceLate.id, twiceEarly.id, once.id]);
    expect((await requests.open(2)).map((request) => request.id)).toEqual([thrice.id, twiceLate.id]);
  });

  it('finds open requests holding every typed word in any case, taking % and _ literally, or by number', async () => {
    const requests = await openRequests();
    const kursk = await ask(requests, 'North Korean troops in Kursk', ana, 1);
    const discount = await ask(requests, 'Drones sold at a 50% discount', ben, 2);
    const snake = await ask(requests, 'the isw_report file', cleo, 3);
    const numbered = await ask(requests, 'Troops numbered 12', dev, 4);
    await ask(requests, 'Troops numbered 12', ana, 5);
    const closed = await ask(requests, 'Korean troops closed', ben, 6);
    await requests.close(closed.id, { status: 'dismissed', note: 'duplicate' }, moderator);

    const find = async (typed: string, limit = 10) => (await requests.findOpen(typed, limit)).map((request) => request.id);
    expect(await find('KOREAN troops')).toEqual([kursk.id]);
    expect(await find('  troops  ')).toEqual([numbered.id, kursk.id]);
    expect(await find('troops', 1)).toEqual([numbered.id]);
    expect(await find('50%')).toEqual([discount.id]);
    expect(await find('%')).toEqual([discount.id]);
    expect(await find('_')).toEqual([snake.id]);
    expect(await find('isw_r')).toEqual([snake.id]);
    expect(await find('kursk korean north')).toEqual([kursk.id]);
    expect(await find('korean drones')).toEqual([]);
    expect(await find('12')).toEqual([numbered.id]);
    expect(await find(`#${snake.id}`)).toEqual([snake.id]);
    expect(await find(` #${snake.id} `)).toEqual([snake.id]);
    // Only a leading # means a number: elsewhere it is a character to find like any other.
    expect(await find('report#')).toEqual([]);
    // A number typed bare is a word of the request or the start of its number: #2 and "Troops numbered 12".
    expect(discount.id).toBe(2);
    expect(await find('2')).toEqual([numbered.id, discount.id]);
    expect(await find('')).toEqual([numbered.id, snake.id, discount.id, kursk.id]);
  });

  it('finds requests by the start of their number, past the ninth', async () => {
    const requests = await openRequests();
    const ids: number[] = [];
    for (const [n, words] of ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliett', 'kilo', 'lima'].entries())
      ids.push((await ask(requests, `request ${words}`, reader((n % 4) + 1), n, 12)).id);
    expect(ids[11]).toBe(12);
    const find = async (typed: string) => (await requests.findOpen(typed, 10)).map((request) => request.id);
    expect(await find('#12')).toEqual([12]);
    expect(await find('1')).toEqual([12, 11, 10, 1]);
    expect(await find('#13')).toEqual([]);
  });

  it('counts one person’s open requests one at a time, even asked at once from two bots', async () => {
    const requests = await openRequests();
    const otherBot = await openAgain(requests.url);
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];
    const outcomes = await Promise.allSettled(words.map((word, n) => (n % 2 ? otherBot : requests).record(word, word, ana, asActor(ana), 3)));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(3);
    for (const outcome of outcomes.filter((outcome) => outcome.status === 'rejected')) expect(outcome.reason).toBeInstanceOf(TooManyOpenRequestsError);
    expect(await requests.open(10)).toHaveLength(3);
  });

  it('answers a request once, with the claim, and gives back who asked and has not been told', async () => {
    const requests = await openRequests();
    const request = await ask(requests, 'Kursk battalion', ana, 1);
    await ask(requests, 'Kursk battalion', ben, 2);
    await ask(requests, 'Kursk battalion', reader(5, 'dm'), 3);
    await requests.markNotified(request.id, [ben.userId], moderator);

    vi.setSystemTime(at(9));
    const untold = await requests.close(request.id, { status: 'answered', claimId: 'isw-kursk-battalion' }, moderator);
    expect(untold.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual([ana, reader(5, 'dm')]);
    expect(await requests.get(request.id)).toEqual({ ...request, status: 'answered', askers: 3, updatedAt: at(9), claimId: 'isw-kursk-battalion' });
    expect((await requests.log(request.id)).slice(3)).toEqual([
      { at: at(3), actor: 'desk-editor (600000000000000006)', action: 'notified', detail: ben.userId },
      { at: at(9), actor: 'desk-editor (600000000000000006)', action: 'answered', detail: 'isw-kursk-battalion' },
    ]);

    const again = requests.close(request.id, { status: 'dismissed', note: 'too late' }, moderator);
    await expect(again).rejects.toThrow(RequestClosedError);
    await expect(again).rejects.toThrow(`request #${request.id} is not open`);
    await expect(again).rejects.toMatchObject({ requestId: request.id });
    await expect(requests.close(request.id + 100, { status: 'answered', claimId: 'x' }, moderator)).rejects.toMatchObject({ requestId: request.id + 100 });
    expect(await requests.get(request.id + 100)).toBeUndefined();
    expect((await requests.get(request.id))?.status).toBe('answered');
  });

  it('dismisses a request with its reason in place of a claim', async () => {
    const requests = await openRequests();
    const request = await ask(requests, 'Kim Jong Un visit to Moscow', ana, 1);
    vi.setSystemTime(at(4));
    expect(await requests.close(request.id, { status: 'dismissed', note: 'Not in this story' }, moderator)).toEqual([ana]);
    expect(await requests.get(request.id)).toEqual({ ...request, status: 'dismissed', updatedAt: at(4), note: 'Not in this story' });
    expect((await requests.log(request.id)).at(-1)).toEqual({
      at: at(4),
      actor: 'desk-editor (600000000000000006)',
      action: 'dismissed',
      detail: 'Not in this story',
    });
  });

  it('keeps telling answered askers who asked in a channel until they are told or have failed as often as allowed', async () => {
    const requests = await openRequests();
    const answered = await ask(requests, 'Kursk battalion', ana, 1);
    await ask(requests, 'Kursk battalion', reader(5, 'dm'), 2);
    await ask(requests, 'Kursk battalion', cleo, 3);
    const other = await ask(requests, 'Tehran drones', ben, 4);
    await ask(requests, 'Tehran drones', ana, 5);
    const stillOpen = await ask(requests, 'Pyongyang treaty', dev, 6);
    const dismissed = await ask(requests, 'Yemen mercenaries', dev, 7);
    await requests.close(dismissed.id, { status: 'dismissed', note: 'off topic' }, moderator);
    vi.setSystemTime(at(8));
    await requests.close(other.id, { status: 'answered', claimId: 'zelensky-tehran-drones' }, moderator);
    await requests.close(answered.id, { status: 'answered', claimId: 'isw-kursk-battalion' }, moderator);

    const whoIsUntold = async (maxAttempts: number) =>
      (await requests.untold(maxAttempts)).map(({ request, askers }) => [request.id, request.status, askers.map((asker) => asker.userId)]);
    expect(await whoIsUntold(2)).toEqual([
      [answered.id, 'answered', [ana.userId, cleo.userId]],
      [other.id, 'answered', [ben.userId, ana.userId]],
    ]);
    expect((await requests.untold(2))[0]!.askers[0]).toEqual(ana);
    expect(stillOpen.status).toBe('open');

    // Ana could not be told about the battalion, twice: her attempts count on that request alone.
    await requests.markNotTold(answered.id, ana.userId, moderator);
    expect(await whoIsUntold(2)).toEqual([
      [answered.id, 'answered', [ana.userId, cleo.userId]],
      [other.id, 'answered', [ben.userId, ana.userId]],
    ]);
    expect(await whoIsUntold(1)).toEqual([
      [answered.id, 'answered', [cleo.userId]],
      [other.id, 'answered', [ben.userId, ana.userId]],
    ]);
    await requests.markNotTold(answered.id, ana.userId, moderator);
    expect(await whoIsUntold(2)).toEqual([
      [answered.id, 'answered', [cleo.userId]],
      [other.id, 'answered', [ben.userId, ana.userId]],
    ]);
    expect((await requests.log(answered.id)).at(-1)).toEqual({
      at: at(8),
      actor: 'desk-editor (600000000000000006)',
      action: 'not-notified',
      detail: ana.userId,
    });

    // Told: nobody is told twice; telling nobody writes nothing.
    await requests.markNotified(other.id, [ben.userId, ana.userId], moderator);
    await requests.markNotified(answered.id, [], moderator);
    expect(await whoIsUntold(2)).toEqual([[answered.id, 'answered', [cleo.userId]]]);
    expect((await requests.log(other.id)).at(-1)).toEqual({
      at: at(8),
      actor: 'desk-editor (600000000000000006)',
      action: 'notified',
      detail: `${ben.userId},${ana.userId}`,
    });
    expect((await requests.log(answered.id)).map((entry) => entry.action)).toEqual(['asked', 'asked', 'asked', 'answered', 'not-notified', 'not-notified']);
  });
});
