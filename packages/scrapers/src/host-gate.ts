// Per-host politeness: at most `concurrency` requests in flight and request starts at least
// `minIntervalMs` apart (raised by robots.txt's Crawl-delay, pushed back by Retry-After).

export interface HostLimits {
  concurrency: number;
  minIntervalMs: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal!.reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });

export { sleep };

export class HostGate {
  private active = 0;
  private nextStart = 0;
  private readonly waiting: (() => void)[] = [];
  limits: HostLimits;

  constructor(limits: HostLimits) {
    this.limits = limits;
  }

  /** Nothing may start before `at` (epoch ms): a Retry-After or a breaker's cool-down. */
  holdUntil(at: number): void {
    this.nextStart = Math.max(this.nextStart, at);
  }

  /** Waits for a free slot and for the host's interval; the caller must `release()` afterwards. */
  async acquire(signal?: AbortSignal): Promise<void> {
    while (this.active >= this.limits.concurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      signal?.throwIfAborted();
    }
    this.active++;
    try {
      // Re-check after each sleep: a Retry-After may have moved the next start while we slept.
      for (;;) {
        const wait = this.nextStart - Date.now();
        if (wait <= 0) break;
        await sleep(wait, signal);
      }
      this.nextStart = Date.now() + this.limits.minIntervalMs;
    } catch (e) {
      this.release();
      throw e;
    }
  }

  release(): void {
    this.active--;
    this.waiting.shift()?.();
  }
}
