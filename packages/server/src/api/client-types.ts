// TypeScript types for the web app's client (openapi-fetch), generated from the OpenAPI document.
// A small JSON Schema → TypeScript printer for the subset our TypeBox schemas produce (objects,
// arrays, unions, literals, records); written here because the usual generators need the
// TypeScript compiler API, which TypeScript 7 (the project's compiler) does not ship.
type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  patternProperties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
};

export const CLIENT_FILE = new URL('../../../web/src/api/schema.ts', import.meta.url);

const ident = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

export function typeOf(s: Schema | undefined, indent = ''): string {
  if (!s || Object.keys(s).filter((k) => k !== 'description').length === 0) return 'unknown';
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.map((u) => typeOf(u, indent)).join(' | ');
  if (Array.isArray(s.type)) return s.type.map((t) => typeOf({ ...s, type: t }, indent)).join(' | ');
  switch (s.type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return `${wrap(typeOf(s.items, indent))}[]`;
    case 'object':
      return objectType(s, indent);
    default:
      return s.properties ? objectType(s, indent) : 'unknown';
  }
}

const wrap = (t: string) => (/[|&]/.test(t) && !/^\{[\s\S]*\}$/.test(t) ? `(${t})` : t);

function objectType(s: Schema, indent: string): string {
  const inner = `${indent}  `;
  const lines: string[] = [];
  const required = new Set(s.required ?? []);
  for (const [name, prop] of Object.entries(s.properties ?? {})) {
    if (prop.description) lines.push(`${inner}/** ${prop.description.replace(/\*\//g, '*\\/')} */`);
    lines.push(`${inner}${ident(name)}${required.has(name) ? '' : '?'}: ${typeOf(prop, inner)};`);
  }
  const extra = s.patternProperties ? Object.values(s.patternProperties)[0] : s.additionalProperties;
  if (extra === true) lines.push(`${inner}[key: string]: unknown;`);
  else if (extra && typeof extra === 'object') lines.push(`${inner}[key: string]: ${typeOf(extra, inner)};`);
  if (lines.length === 0) return 'Record<string, never>';
  return `{\n${lines.join('\n')}\n${indent}}`;
}

type Parameter = { name: string; in: string; required?: boolean; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function operationType(op: Operation, indent: string): string {
  const i1 = `${indent}  `;
  const i2 = `${i1}  `;
  const params = (where: string) => {
    const ps = (op.parameters ?? []).filter((p) => p.in === where);
    if (ps.length === 0) return `${where}?: never;`;
    const optional = ps.every((p) => !p.required) ? '?' : '';
    const fields = ps.map(
      (p) => `${i2}  ${ident(p.name)}${p.required ? '' : '?'}: ${typeOf(p.schema, `${i2}  `)};`,
    );
    return `${where}${optional}: {\n${fields.join('\n')}\n${i2}};`;
  };
  const body = op.requestBody?.content?.['application/json']?.schema;
  const requestBody = body
    ? `requestBody${op.requestBody?.required ? '' : '?'}: {\n${i2}content: { 'application/json': ${typeOf(body, i2)} };\n${i1}};`
    : 'requestBody?: never;';
  const responses = Object.entries(op.responses ?? {}).map(([code, r]) => {
    const content = r.content ? Object.entries(r.content) : [];
    const c = content.length
      ? `{ ${content.map(([type, v]) => `${JSON.stringify(type)}: ${typeOf(v.schema, i2)}`).join('; ')} }`
      : 'never';
    return `${i2}${code}: { headers: { [name: string]: unknown }; content: ${c} };`;
  });
  return `{
${i1}parameters: {
${i2}${params('query')}
${i2}header?: never;
${i2}${params('path')}
${i2}cookie?: never;
${i1}};
${i1}${requestBody}
${i1}responses: {
${responses.join('\n')}
${i1}};
${indent}}`;
}

export function generateClientTypes(doc: Record<string, unknown>): string {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Operation>>;
  const out: string[] = [
    '// Generated from packages/server/openapi.json by `npm run openapi`: do not edit by hand.',
    '// The paths type for openapi-fetch (`createClient<paths>()`).',
    '',
    'export interface paths {',
  ];
  for (const path of Object.keys(paths).sort()) {
    out.push(`  ${JSON.stringify(path)}: {`);
    for (const m of METHODS) {
      const op = paths[path]![m];
      out.push(op ? `    ${m}: ${operationType(op, '    ')};` : `    ${m}?: never;`);
    }
    out.push('  };');
  }
  out.push('}', '');
  return out.join('\n');
}
