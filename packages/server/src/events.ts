import { EventEmitter } from 'node:events';
import type { JobProgressRecord } from '@songnodes/db';
import type { GraphChange } from '@songnodes/ingest';

/** What a process announces to its WebSocket listeners. Redis fan-out across replicas comes later. */
export type ServerEvent =
  | { type: 'job.progress'; job: JobProgressRecord }
  | { type: 'graph.changed'; newTracks: number; changedTransitions: number };

export class ServerEvents extends EventEmitter<{ event: [ServerEvent] }> {
  publish(e: ServerEvent): void {
    this.emit('event', e);
  }

  static graphChanged(c: GraphChange): ServerEvent {
    return {
      type: 'graph.changed',
      newTracks: c.newTrackIds.length,
      changedTransitions: c.changedPairs.length,
    };
  }
}
