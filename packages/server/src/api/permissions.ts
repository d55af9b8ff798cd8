// Who may call a route. Every route of /api/v1 declares one permission in `config.permission`; the API
// plugin refuses to start if a route lacks it, lists it per operation in the OpenAPI document
// (`x-permission`) and enforces it in its auth hook. Roles map to permissions in services/auth/access.ts.
import type { Permission, Principal } from '@songnodes/services/auth/access';

export { PERMISSIONS, type Permission } from '@songnodes/services/auth/access';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
  }
  interface FastifyRequest {
    /** Who is asking: set by the auth hook of /api/v1 (and /graphql, /ws) before any handler runs. */
    principal: Principal;
  }
}
