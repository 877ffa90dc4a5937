import type { Logger } from 'pino';

/** A queue in the database that hands out work under a lease, and takes it back untouched. */
export interface ClaimQueue<Item> {
  claim(limit: number): Promise<Item[]>;
  release(item: Item): Promise<void>;
}

export interface ClaimPumpOptions {
  /** Items worked on at once. */
  concurrency: number;
  logger: Logger;
  /** What the log calls this work, e.g. "webhook deliveries". */
  name: string;
}

/**
 * Keeps up to `concurrency` claimed items at work on this instance: claims while there is room,
 * starts each item, and claims again as each finishes. The bulk-test runner and the webhook
 * worker each drive one; the queue in the database is what instances share.
 *
 * `work` records its own outcome and does not throw: an item whose work is cut short is left to
 * its lease, and taken over once that runs out.
 */
export class ClaimPump<Item extends { id: string }> {
  private readonly inflight = new Map<string, { item: Item; done: Promise<void> }>();
  private stopped = false;
  private pumping = false;
  private pumpAgain = false;
  /** The claiming under way (or a settled promise): stop() waits for it, so no claim outlives a stop. */
  private pumpIdle: Promise<void> = Promise.resolve();
  /** Items claimed by a round that was under way when stop() began: given back, not worked on. */
  private readonly releasing: Array<Promise<void>> = [];

  constructor(
    private readonly queue: ClaimQueue<Item>,
    private readonly work: (item: Item) => Promise<void>,
    private readonly options: ClaimPumpOptions,
  ) {}

  /** Claims while there is room; settles when this round of claiming ends (not when the work does). */
  pump(): Promise<void> {
    if (this.stopped) return this.pumpIdle;
    if (this.pumping) {
      this.pumpAgain = true;
      return this.pumpIdle;
    }
    this.pumping = true;
    this.pumpIdle = this.claimWhileFree();
    return this.pumpIdle;
  }

  /**
   * Stops claiming (at once, before the first await) and waits for the work under way. With
   * `graceMs`, items still at work after it are given back to the queue: their outcome is not
   * recorded, and whichever instance claims them next does them again.
   */
  async stop(graceMs = Infinity): Promise<void> {
    this.stopped = true;
    await this.pumpIdle;
    await Promise.allSettled(this.releasing);
    const running = Promise.allSettled([...this.inflight.values()].map((entry) => entry.done));
    if (graceMs === Infinity) {
      await running;
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([running, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
    await Promise.allSettled([...this.inflight.values()].map((entry) => this.queue.release(entry.item)));
  }

  private async claimWhileFree(): Promise<void> {
    try {
      for (;;) {
        this.pumpAgain = false;
        const free = this.options.concurrency - this.inflight.size;
        if (free <= 0 || this.stopped) break;
        const claimed = await this.queue.claim(free);
        for (const item of claimed) this.launch(item);
        if (claimed.length < free && !this.pumpAgain) break;
      }
    } catch (err) {
      this.options.logger.error({ err }, `${this.options.name}: claiming work failed`);
    } finally {
      this.pumping = false;
    }
  }

  private launch(item: Item): void {
    if (this.stopped) {
      // Claimed while stop() began: the stop did not count it, so it is given back rather than worked on half-way.
      this.releasing.push(this.queue.release(item).catch((err) => this.options.logger.error({ err }, `${this.options.name}: giving back a claim failed`)));
      return;
    }
    const done = this.work(item).finally(() => {
      this.inflight.delete(item.id);
      void this.pump();
    });
    this.inflight.set(item.id, { item, done });
  }
}
