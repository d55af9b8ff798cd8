// graphql-js as Mercurius loads it. graphql 16 ships CommonJS and ESM builds side by side; Mercurius
// `require`s the CommonJS one, while a bundler-style resolver (Vitest's) hands an `import` the ESM one.
// Its classes check identity (`instanceof`), so a schema scalar or an AST check from the other copy
// fails with "from another module or realm". Requiring it here guarantees the copy Mercurius uses.
import { createRequire } from 'node:module';

export const graphqlJs = createRequire(import.meta.url)('graphql') as typeof import('graphql');
