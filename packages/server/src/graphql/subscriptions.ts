// Subscriptions fed by the event bus: every subscriber gets its own queue of the bus's events that
// match, so job progress and graph changes from any process reach a GraphQL client as they happen.
// The queue is bounded: a client that does not read loses the oldest events rather than our memory.
import type { DomainEvent, EventBus } from '@songnodes/services';

const MAX_QUEUED = 1000;

/** An async iterator over what `pick` takes from the bus's events (undefined: skipped); unsubscribes when the client stops. */
export function busEvents<T>(
  bus: EventBus,
  pick: (e: DomainEvent) => T | undefined,
): AsyncIterableIterator<T> {
  const queue: T[] = [];
  let wake: ((r: IteratorResult<T>) => void) | null = null;
  let done = false;
  const unsubscribe = bus.subscribe((e) => {
    const v = pick(e);
    if (v === undefined || done) return;
    if (wake) {
      const w = wake;
      wake = null;
      w({ value: v, done: false });
      return;
    }
    queue.push(v);
    if (queue.length > MAX_QUEUED) queue.shift();
  });
  const finish = (): Promise<IteratorResult<T>> => {
    if (!done) {
      done = true;
      unsubscribe();
      queue.length = 0;
      wake?.({ value: undefined, done: true });
      wake = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  };
  return {
    next: () => {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift() as T, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => {
        wake = resolve;
      });
    },
    return: finish,
    throw: async (e) => {
      await finish();
      throw e;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
