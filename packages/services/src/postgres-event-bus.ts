// An EventBus across processes on one PostgreSQL server: every event is delivered in this process at
// once and sent with NOTIFY to the others, which deliver it to their own subscribers. Graph changes
// larger than one NOTIFY payload (8,000 bytes) are sent in chunks of pairs; each chunk is a complete
// change of its own, so receivers need no reassembly. A process ignores its own notifications.
import { randomUUID } from 'node:crypto';
import { type Listener, listen, NOTIFY_MAX_BYTES, notify, type PostgresDatabase } from '@songnodes/db';
import type { DomainEvent, EventBus } from './events.ts';
import { LocalEventBus } from './events.ts';

export const EVENT_CHANNEL = 'songnodes_events';
/** Pairs per graph-change notification: "[2147483647,2147483647]," is ≤ 24 bytes, so 300 stay under 8,000. */
const PAIRS_PER_MESSAGE = 300;

type Envelope = { o: string; e: DomainEvent };

/** Splits an event into pieces whose JSON fits a NOTIFY payload. */
export function chunkEvent(e: DomainEvent): DomainEvent[] {
  if (e.type !== 'graph.changed') return [e];
  const out: DomainEvent[] = [];
  for (let i = 0; i < e.newTrackIds.length; i += PAIRS_PER_MESSAGE * 2)
    out.push({ ...e, newTrackIds: e.newTrackIds.slice(i, i + PAIRS_PER_MESSAGE * 2), changedPairs: [] });
  for (let i = 0; i < e.changedPairs.length; i += PAIRS_PER_MESSAGE)
    out.push({ ...e, newTrackIds: [], changedPairs: e.changedPairs.slice(i, i + PAIRS_PER_MESSAGE) });
  return out.length > 0 ? out : [e];
}

export class PostgresEventBus implements EventBus {
  private readonly local = new LocalEventBus();
  private readonly origin = randomUUID();
  private listener: Listener | null = null;
  /** Notifications on their way: close() waits for them, so a short-lived CLI command's events leave. */
  private readonly pending = new Set<Promise<unknown>>();
  private readonly db: PostgresDatabase;
  private readonly onError: (e: Error) => void;

  private constructor(db: PostgresDatabase, onError: (e: Error) => void) {
    this.db = db;
    this.onError = onError;
  }

  static async start(
    db: PostgresDatabase,
    onError: (e: Error) => void = () => {},
  ): Promise<PostgresEventBus> {
    const bus = new PostgresEventBus(db, onError);
    bus.listener = await listen(db, EVENT_CHANNEL, (payload) => bus.receive(payload), onError);
    return bus;
  }

  private receive(payload: string): void {
    let m: Envelope;
    try {
      m = JSON.parse(payload) as Envelope;
    } catch {
      return;
    }
    if (m.o !== this.origin && m.e && typeof m.e.type === 'string') this.local.publish(m.e);
  }

  publish(e: DomainEvent): void {
    this.local.publish(e);
    for (const piece of chunkEvent(e)) {
      let payload = JSON.stringify({ o: this.origin, e: piece } satisfies Envelope);
      // Job progress carries free-form detail; past the limit only its state and counts travel.
      if (payload.length > NOTIFY_MAX_BYTES && piece.type === 'job.progress') {
        const { jobId, queue, state, updatedAt, progress } = piece.job;
        const small = { done: progress.done, total: progress.total, unit: progress.unit };
        payload = JSON.stringify({
          o: this.origin,
          e: { type: 'job.progress', job: { jobId, queue, state, updatedAt, progress: small } },
        });
      }
      const sent = notify(this.db, EVENT_CHANNEL, payload).catch((err) => this.onError(err as Error));
      this.pending.add(sent);
      void sent.finally(() => this.pending.delete(sent));
    }
  }

  subscribe(fn: (e: DomainEvent) => void): () => void {
    return this.local.subscribe(fn);
  }

  async close(): Promise<void> {
    await Promise.all(this.pending);
    await this.listener?.close();
    await this.local.close();
  }
}
