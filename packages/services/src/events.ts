// Change events: what a service publishes after it has written, for the in-memory graph and the
// WebSocket rooms of every process. `LocalEventBus` reaches listeners in this process; a bus that
// crosses processes (PostgreSQL LISTEN/NOTIFY, Redis) implements the same interface.
import { EventEmitter } from 'node:events';
import type { JobProgressRecord } from '@songnodes/db';

export type DomainEvent =
  | {
      type: 'graph.changed';
      /** Tracks that are new to the graph, or whose facts (BPM, key, genre…) changed. */
      newTrackIds: number[];
      /** Transitions whose aggregate changed (added, grown, moved by a merge). */
      changedPairs: [number, number][];
      /** What caused it: `import`, `merge`, `split`, `update`, `delete`. */
      cause: string;
    }
  | { type: 'job.progress'; job: JobProgressRecord }
  | {
      /** A shared session (selection, planned set) changed: last writer wins per field. */
      type: 'session.update';
      session: string;
      fields: Record<string, unknown>;
      /** Milliseconds since the epoch when the writer sent it; orders writers across processes. */
      at: number;
    };

export interface EventBus {
  publish(e: DomainEvent): void;
  /** Calls `fn` for every event; returns the unsubscribe function. */
  subscribe(fn: (e: DomainEvent) => void): () => void;
  close(): Promise<void>;
}

export class LocalEventBus implements EventBus {
  private readonly emitter = new EventEmitter<{ event: [DomainEvent] }>();

  constructor() {
    // Every WebSocket client subscribes: the default cap of 10 listeners would warn at the 11th.
    this.emitter.setMaxListeners(0);
  }

  publish(e: DomainEvent): void {
    this.emitter.emit('event', e);
  }

  subscribe(fn: (e: DomainEvent) => void): () => void {
    this.emitter.on('event', fn);
    return () => this.emitter.off('event', fn);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
