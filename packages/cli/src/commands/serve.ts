import { guardProcess } from '@songnodes/jobs';
import { loadConfig, type Role, runRole } from '@songnodes/server';

/** `start`, `api`, `worker`: runs until SIGTERM/SIGINT, then drains and exits within the shutdown timeout. */
export async function serve(role: Role): Promise<void> {
  const config = loadConfig();
  const started = performance.now();
  const running = await runRole(role, config);
  running.app.log.info({ ms: Math.round(performance.now() - started) }, 'start-up time');
  if (role !== 'worker') process.stderr.write(`SongNodes ${role} is up: ${running.url}\n`);
  // An error that escapes every handler is logged, not fatal: one bad request or job costs nobody
  // else anything. Errors inside a job also fail that job (the worker roles' guard, workers.ts).
  guardProcess((err, job) => running.app.log.error({ err, job }, 'error outside any request'));

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.app.log.info({ signal }, 'shutting down: draining requests and jobs');
    const force = setTimeout(() => {
      running.app.log.error({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    running.stop().then(
      () => {
        clearTimeout(force);
        process.exit(0);
      },
      (e) => {
        running.app.log.error({ err: e }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}
