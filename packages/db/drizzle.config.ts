import { defineConfig } from 'drizzle-kit';

// Generates versioned SQL migrations from src/schema.ts: `npm run db:generate` at the repo root.
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/db/src/schema.ts',
  out: './packages/db/migrations',
});
