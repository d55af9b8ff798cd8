// What a request may ask before anything runs: how deep its selections nest and how many objects it
// could make the server produce (its complexity), plus text PostgreSQL cannot store. Checked after
// GraphQL's own validation, with the request's variables, so `first: $n` is priced at its real value.
//
// Complexity counts objects: a field returning an object costs 1 for each object times what is
// selected inside it; a field with a size argument (`first`, `nodes`) multiplies its subtree by that
// size (or by the argument's default). Scalars are free. `tracks(first: 50) { artists { artist { name } } }`
// costs 50 × (1 + 1 × (1 + 1)) = 150.
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

const { getNamedType, isCompositeType, isInterfaceType, isObjectType, Kind, valueFromASTUntyped } = graphqlJs;

export const DEFAULT_DEPTH_LIMIT = 15;
export const DEFAULT_COMPLEXITY_LIMIT = 1000;
/** Arguments that say how many objects a field returns. */
const SIZE_ARGUMENTS = ['first', 'nodes'];

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

/** Depth and complexity of every operation in the document; the largest of each. */
export function measure(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): Measure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  // A fragment measures the same wherever it is spread (variables are per request): measure it once,
  // so a document spreading fragments into fragments cannot make this walk exponential.
  const memo = new Map<string, Measure>();

  const sizeOf = (field: FieldNode, def: GraphQLField<unknown, unknown>): number => {
    for (const name of SIZE_ARGUMENTS) {
      const argDef = def.args.find((a) => a.name === name);
      if (!argDef) continue;
      const node = field.arguments?.find((a) => a.name.value === name);
      const value = node ? argumentValue(node.value, variables) : argDef.defaultValue;
      const n = Number(value ?? 0);
      return Number.isFinite(n) && n > 0 ? n : 0;
    }
    return 1;
  };

  const walk = (set: SelectionSetNode, type: GraphQLNamedType): Measure => {
    let depth = 0;
    let cost = 0;
    for (const sel of set.selections) {
      let m: Measure;
      if (sel.kind === Kind.FIELD) {
        m = fieldMeasure(sel, type);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) ?? type) : type;
        m = walk(sel.selectionSet, on);
      } else {
        const name = sel.name.value;
        const known = memo.get(name);
        const frag = fragments.get(name);
        if (known) m = known;
        else if (!frag) m = { depth: 0, cost: 0 };
        else {
          memo.set(name, { depth: 0, cost: 0 }); // a cycle (refused by validation anyway) adds nothing
          m = walk(frag.selectionSet, schema.getType(frag.typeCondition.name.value) ?? type);
          memo.set(name, m);
        }
      }
      depth = Math.max(depth, m.depth);
      cost += m.cost;
    }
    return { depth, cost };
  };

  const fieldMeasure = (field: FieldNode, parent: GraphQLNamedType): Measure => {
    const def =
      isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[field.name.value] : undefined;
    if (!def || !field.selectionSet) return { depth: 1, cost: 0 };
    const named = getNamedType(def.type);
    const inner = isCompositeType(named) ? walk(field.selectionSet, named) : { depth: 0, cost: 0 };
    return { depth: 1 + inner.depth, cost: sizeOf(field, def) * (1 + inner.cost) };
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
    const m = walk(d.selectionSet, root);
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
