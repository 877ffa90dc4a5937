import pino from 'pino';
import { ClaimPump, type ClaimQueue } from '../../server/common/claim-pump';

/**
 * The claim loop the bulk-test runner and the webhook worker share. The queue here is a list
 * whose claims the test lets through one at a time, so a stop can be placed exactly while a
 * claim is under way (the integration suites run the pump on the real queues, shutdown.test.ts
 * across a real SIGTERM).
 */

interface Item {
  id: string;
}

/** A resolvable promise: the test decides when a claim answers or a piece of work ends. */
function gate<T = void>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

/** Items waiting in "the database"; every claim waits for the test to let it answer. */
class HeldQueue implements ClaimQueue<Item> {
  readonly events: string[] = [];
  readonly claims: Array<{ limit: number; answer: (items: Item[]) => void }> = [];
  private waiting = new Set<Item>();

  add(...ids: string[]): Item[] {
    const items = ids.map((id) => ({ id }));
    for (const item of items) this.waiting.add(item);
    return items;
  }

  claim(limit: number): Promise<Item[]> {
    const answer = gate<Item[]>();
    this.claims.push({ limit, answer: answer.open });
    return answer.promise;
  }

  /** Lets the oldest claim answer with up to its limit of the waiting items. */
  answerClaim(): Item[] {
    const claim = this.claims.shift();
    if (!claim) throw new Error('no claim is under way');
    const items = [...this.waiting].slice(0, claim.limit);
    for (const item of items) this.waiting.delete(item);
    claim.answer(items);
    return items;
  }

  async release(item: Item): Promise<void> {
    this.waiting.add(item);
    this.events.push(`released ${item.id}`);
  }
}

/** Work that ends when the test says so (or at once), recording what was started. */
function heldWork(queue: HeldQueue, { endAtOnce = false } = {}) {
  const ends = new Map<string, () => void>();
  let atOnce = endAtOnce;
  let running = 0;
  let mostAtOnce = 0;
  const work = async (item: Item) => {
    queue.events.push(`worked ${item.id}`);
    running++;
    mostAtOnce = Math.max(mostAtOnce, running);
    if (!atOnce) {
      const end = gate();
      ends.set(item.id, end.open);
      await end.promise;
    }
    running--;
    queue.events.push(`done ${item.id}`);
  };
  return {
    work,
    end: (id: string) => ends.get(id)!(),
    endAll: () => {
      atOnce = true;
      for (const end of ends.values()) end();
    },
    get mostAtOnce() {
      return mostAtOnce;
    },
  };
}

const logger = pino({ level: 'silent' });
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A pump whose first claim has brought in `ids`, each now at work until the test ends it. */
async function pumpAtWork(...ids: string[]) {
  const queue = new HeldQueue();
  queue.add(...ids);
  const held = heldWork(queue);
  const pump = new ClaimPump(queue, held.work, { concurrency: 4, logger, name: 'test' });
  const pumped = pump.pump();
  queue.answerClaim();
  await pumped;
  return { queue, held, pump };
}

test('a claim under way when stop() begins: what it brings in is given back, not worked on, before stop() settles', async () => {
  const queue = new HeldQueue();
  queue.add('a', 'b');
  const held = heldWork(queue);
  const pump = new ClaimPump(queue, held.work, { concurrency: 4, logger, name: 'test' });

  const pumped = pump.pump();
  expect(queue.claims).toHaveLength(1);
  const stopped = pump.stop(60_000).then(() => queue.events.push('stop settled'));
  await flush();
  queue.answerClaim();
  await Promise.all([stopped, pumped]);

  expect(queue.events).toEqual(['released a', 'released b', 'stop settled']);
  held.endAll();
});

test('stop() without a grace waits for the work under way; after it nothing is claimed', async () => {
  const { queue, held, pump } = await pumpAtWork('a', 'b');
  const stopped = pump.stop().then(() => queue.events.push('stop settled'));
  held.end('a');
  await flush();
  expect(queue.events).toEqual(['worked a', 'worked b', 'done a']);
  held.end('b');
  await stopped;
  expect(queue.events).toEqual(['worked a', 'worked b', 'done a', 'done b', 'stop settled']);

  queue.add('c');
  await pump.pump();
  expect(queue.claims).toHaveLength(0);
});

test('with a grace, work still under way at its end is given back and work that ended is not', async () => {
  const { queue, held, pump } = await pumpAtWork('a', 'b');
  held.end('a');
  await pump.stop(1);

  expect(queue.events).toEqual(['worked a', 'worked b', 'done a', 'released b']);
  held.endAll();
});

test('claims again as work ends, never more than `concurrency` items at once, until the queue is empty', async () => {
  const queue = new HeldQueue();
  queue.add('a', 'b', 'c', 'd', 'e');
  const held = heldWork(queue, { endAtOnce: true });
  const pump = new ClaimPump(queue, held.work, { concurrency: 2, logger, name: 'test' });

  const done = () => queue.events.filter((event) => event.startsWith('done')).sort();
  void pump.pump();
  while (done().length < 5) {
    await flush();
    expect(queue.claims.length).toBeLessThanOrEqual(1);
    if (queue.claims.length === 1) {
      expect(queue.claims[0].limit).toBeLessThanOrEqual(2);
      queue.answerClaim();
    }
  }
  const stopped = pump.stop();
  await flush();
  while (queue.claims.length > 0) queue.answerClaim();
  await stopped;

  expect(held.mostAtOnce).toBeLessThanOrEqual(2);
  expect(done()).toEqual(['done a', 'done b', 'done c', 'done d', 'done e']);
});
