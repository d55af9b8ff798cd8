import type { Database } from '@songnodes/db';
import type { JobQueue } from '@songnodes/jobs';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

// Prometheus metrics: HTTP by route, jobs by queue, the database pool, and the process itself.
// Each app gets its own registry, so tests and several apps in one process do not collide.

export function createMetrics(opts: { db: Database; jobs?: JobQueue }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'songnodes_' });

  const httpRequests = new Counter({
    name: 'songnodes_http_requests_total',
    help: 'HTTP requests answered, by method, route and status code',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'songnodes_http_request_duration_seconds',
    help: 'HTTP request latency, by method and route',
    labelNames: ['method', 'route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const jobsFinished = new Counter({
    name: 'songnodes_jobs_total',
    help: 'Jobs finished, by queue and outcome',
    labelNames: ['queue', 'outcome'],
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: 'songnodes_job_duration_seconds',
    help: 'Job run time, by queue',
    labelNames: ['queue'],
    buckets: [0.01, 0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
    registers: [registry],
  });
  new Gauge({
    name: 'songnodes_jobs_queued',
    help: 'Jobs waiting, by queue',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      if (!opts.jobs?.isRunning) return;
      try {
        for (const q of await opts.jobs.queueSizes()) {
          this.set({ queue: q.queue, state: 'queued' }, q.queued);
          this.set({ queue: q.queue, state: 'active' }, q.active);
        }
      } catch {
        // The database is unreachable: /health/ready reports it; the scrape still answers.
      }
    },
  });
  new Gauge({
    name: 'songnodes_db_pool_connections',
    help: 'Database pool connections, by state (total, idle, waiting clients)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const s = opts.db.poolStats();
      this.set({ state: 'total' }, s.total);
      this.set({ state: 'idle' }, s.idle);
      this.set({ state: 'waiting' }, s.waiting);
    },
  });

  opts.jobs?.on('finished', (f) => {
    jobsFinished.inc({ queue: f.queue, outcome: f.outcome });
    jobDuration.observe({ queue: f.queue }, f.seconds);
  });

  /** Fastify plugin: times every request and serves GET /metrics. */
  async function plugin(app: FastifyInstance) {
    app.addHook('onResponse', async (req, reply) => {
      // The route pattern, not the URL, so /tracks/1 and /tracks/2 share a series.
      const route = req.routeOptions.url ?? 'unmatched';
      httpRequests.inc({ method: req.method, route, status: String(reply.statusCode) });
      httpDuration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
    });
    app.get('/metrics', async (_req, reply) => {
      reply.type(registry.contentType);
      return registry.metrics();
    });
  }
  // fastify-plugin: the timing hook must see every route, not only those inside this plugin.
  return { registry, plugin: fp(plugin, { name: 'songnodes-metrics' }) };
}
