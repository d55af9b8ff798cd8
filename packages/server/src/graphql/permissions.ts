// Who may call each root field, in the permission names the REST routes declare (api/permissions.ts):
// a GraphQL operation is a door to the same services, so it needs the same right. The plugin refuses
// to start when a root field has none, and checks every root field of a request against its
// principal before anything runs (checkFieldPermissions): 401 for guests, 403 naming the permission.
import type { Principal } from '@songnodes/services';
import type { DocumentNode, GraphQLSchema, SelectionSetNode } from 'graphql';
import { permissionError } from '../api/auth/enforce.ts';
import type { Permission } from '../api/permissions.ts';
import { graphqlJs } from './graphql-js.ts';

const { Kind } = graphqlJs;

export const FIELD_PERMISSIONS: Record<'Query' | 'Mutation' | 'Subscription', Record<string, Permission>> = {
  Query: {
    track: 'read:graph',
    tracks: 'read:graph',
    artist: 'read:graph',
    set: 'read:graph',
    search: 'read:graph',
    graphData: 'read:graph',
    plan: 'read:graph',
    transitions: 'read:graph',
    job: 'read:graph',
    // Target tracks: the permission of the /scrapes/targets routes (the service checks it too).
    targets: 'import',
  },
  Mutation: {
    importText: 'import',
    mergeTracks: 'merge:tracks',
    splitMerge: 'merge:tracks',
    mergeArtists: 'merge:tracks',
    setArtistAliases: 'write:tracks',
    updateTrack: 'write:tracks',
    runPlan: 'read:graph',
    computeLayout: 'run:jobs',
    computeCommunities: 'run:jobs',
    shareSet: 'write:sets',
    addTarget: 'import',
    removeTarget: 'import',
    searchTargets: 'import',
  },
  Subscription: {
    jobProgress: 'read:graph',
    graphChanged: 'read:graph',
  },
};

/** Throws naming every root field that declares no permission. */
export function checkPermissionsDeclared(schema: GraphQLSchema): void {
  const missing: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!root) continue;
    const declared = FIELD_PERMISSIONS[root.name as keyof typeof FIELD_PERMISSIONS] ?? {};
    for (const name of Object.keys(root.getFields()))
      if (!declared[name]) missing.push(`${root.name}.${name}`);
  }
  if (missing.length > 0)
    throw new Error(`GraphQL fields declare no permission (graphql/permissions.ts): ${missing.join(', ')}`);
}

/** The root fields an operation selects, through fragments spread or inlined at its top. */
function rootFields(
  set: SelectionSetNode,
  fragments: Map<string, SelectionSetNode>,
  seen = new Set<string>(),
) {
  const names: string[] = [];
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) names.push(sel.name.value);
    else if (sel.kind === Kind.INLINE_FRAGMENT) names.push(...rootFields(sel.selectionSet, fragments, seen));
    else if (!seen.has(sel.name.value)) {
      seen.add(sel.name.value);
      const f = fragments.get(sel.name.value);
      if (f) names.push(...rootFields(f, fragments, seen));
    }
  }
  return names;
}

/** Throws `unauthenticated` or `forbidden` for the first root field the principal may not call. */
export function checkFieldPermissions(
  schema: GraphQLSchema,
  document: DocumentNode,
  principal: Principal,
): void {
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const root =
      d.operation === 'query'
        ? schema.getQueryType()
        : d.operation === 'mutation'
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    if (!root) continue;
    const declared = FIELD_PERMISSIONS[root.name as keyof typeof FIELD_PERMISSIONS] ?? {};
    for (const name of rootFields(d.selectionSet, fragments)) {
      // Introspection and __typename describe the schema, which is public (docs/graphql.md).
      if (name.startsWith('__')) continue;
      const permission = declared[name];
      if (!permission) continue; // unknown field: GraphQL's validation has refused it already
      const denied = permissionError(principal, permission);
      if (denied) throw denied;
    }
  }
}
