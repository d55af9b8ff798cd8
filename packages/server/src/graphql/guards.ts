// What a request may ask before anything runs: how deep its selections nest and how many objects it
// could make the server produce (its complexity), plus text PostgreSQL cannot store. Checked after
// GraphQL's own validation, with the request's variables, so `first: $n` is priced at its real value.
//
// Complexity counts objects: a field returning an object costs 1 for each object times what is
// selected inside it; a field with `first` multiplies its subtree by that size (or by the argument's
// default), as do the lists sized by an argument above them (graphData's nodes and edges, a plan's
// length). Scalars are free. `tracks(first: 50) { items { artists { artist { name } } } }` costs
// 50 × (1 + 1 × (1 + 1 × (1 + 1))) = 200.
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  SelectionSetNode,
  ValueNode,
} from 'graphql';
import { graphqlJs } from './graphql-js.ts';

const {
  getNamedType,
  getOperationAST,
  parse,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  valueFromASTUntyped,
} = graphqlJs;

export const DEFAULT_DEPTH_LIMIT = 15;
export const DEFAULT_COMPLEXITY_LIMIT = 1000;
/**
 * Lists sized by an argument of a field above them rather than their own `first`: graphData's
 * `nodes`/`edges`, a plan's `k` alternatives of `length` tracks (the longest plan when only minutes
 * are given).
 */
const SIZED_BY_ANCESTOR: Record<string, (scope: Record<string, unknown>) => unknown> = {
  'GraphData.nodes': (a) => a.nodes,
  'GraphData.edges': (a) => a.edges,
  'PlanResult.sets': (a) => planInput(a).k ?? 1,
  'PlanResult.relaxedSets': (a) => planInput(a).k ?? 1,
  'PlannedSet.tracks': (a) => planInput(a).length ?? 100,
  'PlannedSet.steps': (a) => planInput(a).length ?? 100,
};
const planInput = (a: Record<string, unknown>) => (a.input ?? {}) as { k?: unknown; length?: unknown };

/** A size argument as a count: anything that is not a positive number counts as 0 (the resolver refuses it). */
const count = (v: unknown) => {
  const n = Number(v ?? 0);
  return Number.isFinite(n) && n > 0 ? n : 0;
};

/** A refused request: HTTP 400 with a code a client can act on. */
export class RequestRefused extends Error {
  readonly statusCode = 400;
  readonly extensions: Record<string, unknown>;
  constructor(message: string, extensions: Record<string, unknown>) {
    super(message);
    this.name = 'RequestRefused';
    this.extensions = extensions;
  }
}

interface Measure {
  depth: number;
  cost: number;
}

type Scope = Record<string, unknown>;

/** Depth and complexity of every operation in the document; the largest of each. */
export function measure(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): Measure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  // A fragment measures the same wherever it is spread under the same arguments: measure it once per
  // scope, so fragments spread into fragments cannot make this walk exponential.
  const memo = new Map<string, Measure>();

  /** The field's arguments as given (literal or variable), defaults filled in. */
  const argsOf = (field: FieldNode, def: GraphQLField<unknown, unknown>): Scope => {
    const args: Scope = {};
    for (const a of def.args) {
      const node = field.arguments?.find((x) => x.name.value === a.name);
      const value = node ? argumentValue(node.value, variables) : a.defaultValue;
      if (value !== undefined) args[a.name] = value;
    }
    return args;
  };

  const walk = (set: SelectionSetNode, type: GraphQLNamedType, scope: Scope): Measure => {
    let depth = 0;
    let cost = 0;
    for (const sel of set.selections) {
      let m: Measure;
      if (sel.kind === Kind.FIELD) {
        m = fieldMeasure(sel, type, scope);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) ?? type) : type;
        m = walk(sel.selectionSet, on, scope);
      } else {
        const key = `${sel.name.value}|${JSON.stringify(scope)}`;
        const frag = fragments.get(sel.name.value);
        const known = memo.get(key);
        if (known) m = known;
        else if (!frag) m = { depth: 0, cost: 0 };
        else {
          memo.set(key, { depth: 0, cost: 0 }); // a cycle (refused by validation anyway) adds nothing
          m = walk(frag.selectionSet, schema.getType(frag.typeCondition.name.value) ?? type, scope);
          memo.set(key, m);
        }
      }
      depth = Math.max(depth, m.depth);
      cost += m.cost;
    }
    return { depth, cost };
  };

  const fieldMeasure = (field: FieldNode, parent: GraphQLNamedType, scope: Scope): Measure => {
    // Introspection (`__schema`, `__type`) is measured like any field: its types nest into each other.
    const name = field.name.value;
    const def =
      name === '__schema'
        ? SchemaMetaFieldDef
        : name === '__type'
          ? TypeMetaFieldDef
          : isObjectType(parent) || isInterfaceType(parent)
            ? parent.getFields()[name]
            : undefined;
    if (!def || !field.selectionSet) return { depth: 1, cost: 0 };
    const args = argsOf(field, def);
    const named = getNamedType(def.type);
    const inner = isCompositeType(named)
      ? walk(field.selectionSet, named, { ...scope, ...args })
      : { depth: 0, cost: 0 };
    const byAncestor = SIZED_BY_ANCESTOR[`${parent.name}.${field.name.value}`];
    const size = 'first' in args ? count(args.first) : byAncestor ? count(byAncestor(scope)) : 1;
    return { depth: 1 + inner.depth, cost: size * (1 + inner.cost) };
  };

  let worst: Measure = { depth: 0, cost: 0 };
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const root =
      d.operation === 'query'
        ? schema.getQueryType()
        : d.operation === 'mutation'
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    if (!root) continue;
    const m = walk(d.selectionSet, root, {});
    worst = { depth: Math.max(worst.depth, m.depth), cost: Math.max(worst.cost, m.cost) };
  }
  return worst;
}

function argumentValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  return valueFromASTUntyped(node, variables);
}

/** The path of the first string holding U+0000 (PostgreSQL text cannot store it); null if none. */
function nulIn(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > 32) return null;
  for (const [k, v] of Object.entries(value)) {
    const found = nulIn(v, Array.isArray(value) ? `${path}[${k}]` : `${path}.${k}`, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

function nulInDocument(document: DocumentNode): string | null {
  let found: string | null = null;
  const visitValue = (v: ValueNode, at: string): void => {
    if (found) return;
    if (v.kind === Kind.STRING && v.value.includes('\u0000')) found = at;
    else if (v.kind === Kind.LIST) for (const [i, x] of v.values.entries()) visitValue(x, `${at}[${i}]`);
    else if (v.kind === Kind.OBJECT) for (const f of v.fields) visitValue(f.value, `${at}.${f.name.value}`);
  };
  const visitSet = (set: SelectionSetNode | undefined): void => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD) for (const a of sel.arguments ?? []) visitValue(a.value, a.name.value);
      if (sel.kind !== Kind.FRAGMENT_SPREAD) visitSet(sel.selectionSet);
    }
  };
  for (const d of document.definitions)
    if (d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION) visitSet(d.selectionSet);
  return found;
}

export interface Limits {
  depth: number;
  complexity: number;
}

/** Throws RequestRefused naming the limit and how to stay under it; returns the measure otherwise. */
export function checkRequest(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  limits: Limits,
): Measure {
  const nul = nulIn(variables ?? {}, '$') ?? nulInDocument(document);
  if (nul !== null)
    throw new RequestRefused(`${nul} contains a NUL character (U+0000), which cannot be stored`, {
      code: 'BAD_USER_INPUT',
      field: nul.replace(/^\$\./, ''),
    });
  const m = measure(schema, document, variables);
  if (m.depth > limits.depth)
    throw new RequestRefused(
      `the query nests ${m.depth} levels deep; the limit is ${limits.depth} (GRAPHQL_DEPTH_LIMIT)`,
      { code: 'QUERY_TOO_DEEP', depth: m.depth, limit: limits.depth },
    );
  if (m.cost > limits.complexity)
    throw new RequestRefused(
      `the query could produce ${Math.round(m.cost).toLocaleString('en')} objects; the limit is ${limits.complexity.toLocaleString('en')} (GRAPHQL_COMPLEXITY_LIMIT): ask for fewer items with first, or nest fewer lists`,
      { code: 'QUERY_TOO_COMPLEX', complexity: m.cost, limit: limits.complexity },
    );
  return m;
}

/**
 * The request itself: Mercurius accepts a body its schema refused (it only attaches the validation
 * error), and reads a `query` that is not GraphQL as a JSON syntax tree, which graphql-js then fails
 * on deep inside validation. Both are bad requests, said as such.
 */
export function checkHttpRequest(req: {
  method: string;
  query: unknown;
  body: unknown;
  validationError?: Error;
}): void {
  if (req.validationError)
    throw new RequestRefused(`the request's ${req.validationError.message}`, { code: 'BAD_REQUEST' });
  const from = (req.method === 'GET' ? req.query : req.body) as { query?: unknown } | null | undefined;
  const query = from && typeof from === 'object' ? from.query : undefined;
  if (typeof query !== 'string') return;
  let json = true;
  try {
    JSON.parse(query);
  } catch {
    json = false; // the usual case: GraphQL text fails as JSON at its first word
  }
  if (json)
    throw new RequestRefused('query must be a GraphQL document (text such as "{ track(id: 1) { title } }")', {
      code: 'BAD_REQUEST',
      field: 'query',
    });
  // Over GET, Mercurius looks the named operation up to refuse mutations and fails when there is none.
  const name = (from as { operationName?: unknown }).operationName;
  if (req.method === 'GET' && typeof name === 'string' && name !== '') {
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return; // a syntax error: answered as such by the normal path
    }
    if (!getOperationAST(document, name))
      throw new RequestRefused(`the query has no operation named ${JSON.stringify(name)}`, {
        code: 'BAD_REQUEST',
        field: 'operationName',
      });
  }
}
