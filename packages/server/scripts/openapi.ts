// Writes packages/server/openapi.json and the web app's typed client (packages/web/src/api/schema.ts)
// from the route schemas: `npm run openapi` after changing a route.
import { writeFile } from 'node:fs/promises';
import { CLIENT_FILE, generateClientTypes } from '../src/api/client-types.ts';
import { buildOpenApiDocument, formatDocument, OPENAPI_FILE } from '../src/api/openapi-document.ts';

const doc = await buildOpenApiDocument();
await writeFile(OPENAPI_FILE, formatDocument(doc));
await writeFile(CLIENT_FILE, generateClientTypes(doc));
console.log(`wrote ${OPENAPI_FILE.pathname} and ${CLIENT_FILE.pathname}`);
