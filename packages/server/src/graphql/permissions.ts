// Who may call each root field, in the permission names the REST routes declare (api/permissions.ts):
// a GraphQL operation is a door to the same services, so it needs the same right. The plugin refuses
// to start when a root field has none; the accounts issue enforces them in the request's hook.
import type { GraphQLSchema } from 'graphql';
import type { Permission } from '../api/permissions.ts';

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
  },
  Mutation: {
    importText: 'import',
    mergeTracks: 'merge:tracks',
    splitMerge: 'merge:tracks',
    updateTrack: 'write:tracks',
    runPlan: 'read:graph',
    computeLayout: 'run:jobs',
    computeCommunities: 'run:jobs',
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
