// Who may call a route. Every route of /api/v1 declares one of these in `config.permission`; the API
// plugin refuses to start if a route lacks it, and the OpenAPI document lists it per operation
// (`x-permission`). The accounts issue maps roles to permissions and enforces them in the auth hook.
export const PERMISSIONS = [
  'public',
  'read:graph',
  'write:sets',
  'write:tracks',
  'import',
  'merge:tracks',
  'export',
  'run:jobs',
  'admin:users',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
  }
}
