// Prometheus metrics per source. Created once per process without a registry: the server registers
// them on its own (`for (const m of scraperMetrics().metrics) registry.registerMetric(m)`).
import { Counter, Histogram, type Metric } from 'prom-client';
import type { RequestRecord } from './http-client.ts';

export interface ScraperMetrics {
  metrics: Metric[];
  /** Hook for the client: every request that reached the network. */
  onRequest(r: RequestRecord): void;
  /** A page was stored: how many of its sets were new or changed, and how many already known. */
  onItem(source: string, sets: { setsStored: number; setsUnchanged: number }): void;
  /** A page could not be read (layout changed, 404, robots). */
  onFailedItem(source: string): void;
}

let instance: ScraperMetrics | null = null;

export function scraperMetrics(): ScraperMetrics {
  if (instance) return instance;
  const requests = new Counter({
    name: 'songnodes_scraper_requests_total',
    help: 'Scraper HTTP requests by source and status (0: no answer)',
    labelNames: ['source', 'status'] as const,
    registers: [],
  });
  const errors = new Counter({
    name: 'songnodes_scraper_errors_total',
    help: 'Scraper requests that failed (error status, timeout, refused)',
    labelNames: ['source'] as const,
    registers: [],
  });
  const bytes = new Counter({
    name: 'songnodes_scraper_bytes_total',
    help: 'Bytes received by the scrapers, by source',
    labelNames: ['source'] as const,
    registers: [],
  });
  const latency = new Histogram({
    name: 'songnodes_scraper_request_seconds',
    help: 'Scraper request latency by source',
    labelNames: ['source'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [],
  });
  const items = new Counter({
    name: 'songnodes_scraper_items_total',
    help: 'Pages and API results processed, by source and outcome',
    labelNames: ['source', 'outcome'] as const,
    registers: [],
  });
  const sets = new Counter({
    name: 'songnodes_scraper_sets_total',
    help: 'Sets read from scraped pages, by source and outcome (stored or unchanged)',
    labelNames: ['source', 'outcome'] as const,
    registers: [],
  });
  instance = {
    metrics: [requests, errors, bytes, latency, items, sets],
    onRequest(r) {
      const source = r.source ?? 'unknown';
      requests.inc({ source, status: String(r.status) });
      const failed = r.robots
        ? r.status === 0 || r.status >= 500
        : r.status === 0 || r.status >= 400 || !!r.error;
      if (failed) errors.inc({ source });
      bytes.inc({ source }, r.bytes);
      latency.observe({ source }, r.seconds);
    },
    onItem(source, n) {
      items.inc({ source, outcome: 'stored' });
      sets.inc({ source, outcome: 'stored' }, n.setsStored);
      sets.inc({ source, outcome: 'unchanged' }, n.setsUnchanged);
    },
    onFailedItem(source) {
      items.inc({ source, outcome: 'failed' });
    },
  };
  return instance;
}
