// The checked-in OpenAPI document and the web app's generated client must say what the code says:
// this fails after a route or schema change until `npm run openapi` is run and the result committed.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { engine } from '../../../test/db.ts';
import { CLIENT_FILE, generateClientTypes, typeOf } from '../src/api/client-types.ts';
import { buildOpenApiDocument, formatDocument, OPENAPI_FILE } from '../src/api/openapi-document.ts';

// The document does not depend on the engine (it is built on an in-memory PGlite): run it once.
describe.runIf(engine === 'pglite')('OpenAPI document', () => {
  it('is current, lists every route with its permission, and so is the generated client', async () => {
    const doc = await buildOpenApiDocument();
    const committed = await readFile(OPENAPI_FILE, 'utf8');
    expect(formatDocument(doc), 'packages/server/openapi.json is stale: run `npm run openapi`').toBe(
      committed,
    );
    const paths = doc.paths as Record<string, Record<string, { 'x-permission'?: string }>>;
    for (const [path, ops] of Object.entries(paths))
      for (const [method, op] of Object.entries(ops))
        expect(op['x-permission'], `${method} ${path}`).toBeTruthy();
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/api/v1/search', '/api/v1/tracks/{id}', '/api/v1/sets/{id}', '/api/v1/plan']),
    );
    const client = await readFile(CLIENT_FILE, 'utf8');
    expect(generateClientTypes(doc), 'packages/web/src/api/schema.ts is stale: run `npm run openapi`').toBe(
      client,
    );
  });
});

describe('client type printer', () => {
  it('prints unions, nullable fields, records and arrays of objects', () => {
    expect(typeOf({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toBe('string | null');
    expect(typeOf({ type: 'array', items: { anyOf: [{ type: 'integer' }, { type: 'string' }] } })).toBe(
      '(number | string)[]',
    );
    expect(typeOf({ type: 'object', properties: { a: { type: 'number' } }, required: [] })).toBe(
      '{\n  a?: number;\n}',
    );
    expect(typeOf({ type: 'object', patternProperties: { '^.*$': { type: 'boolean' } } })).toBe(
      '{\n  [key: string]: boolean;\n}',
    );
    expect(typeOf({ enum: ['in', 'out'] })).toBe('"in" | "out"');
  });
});
