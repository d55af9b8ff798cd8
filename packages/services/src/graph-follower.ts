// Keeps a process's in-memory graph in step with every change published on the bus, whichever
// process or door made it. Deletions remove nodes, which the index does only when it is rebuilt.
import type { GraphService } from '@songnodes/graph';
import type { EventBus } from './events.ts';

/** Subscribes `graph` (or the graph once it is loaded) to the bus; returns the unsubscribe function. */
export function followChanges(bus: EventBus, graph: () => Promise<GraphService> | undefined): () => void {
  return bus.subscribe((e) => {
    if (e.type !== 'graph.changed') return;
    const g = graph();
    if (!g) return;
    void g.then((service) =>
      e.cause === 'delete'
        ? service.rebuild('tracks or sets were deleted')
        : service.onChange({ newTrackIds: e.newTrackIds, changedPairs: e.changedPairs }),
    );
  });
}
