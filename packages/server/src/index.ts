export { type ApiServiceDeps, createApiServices } from './api/services.ts';
export { type AppDeps, buildApp } from './app.ts';
export { CONFIG_VARIABLES, type Config, ConfigError, loadConfig } from './config.ts';
export { DEMO_SOURCE, demoJob, enqueueDemoIfEmpty, importDemo } from './demo.ts';
export { readiness } from './routes/health.ts';
export { openForRole, type Role, type Running, runRole } from './runtime.ts';
export { jobDefinitions, registerWorkers } from './workers.ts';
