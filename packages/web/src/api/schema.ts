// Generated from packages/server/openapi.json by `npm run openapi`: do not edit by hand.
// The paths type for openapi-fetch (`createClient<paths>()`).

export interface paths {
  "/api/v1/account/api-keys": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          items: {
            id: number;
            name: string;
            /** the visible start of the key (snk_ and 8 characters) */
            prefix: string;
            permissions: ("public" | "read:graph" | "write:sets" | "write:tracks" | "import" | "merge:tracks" | "export" | "run:jobs" | "admin:users")[];
            createdAt: string;
            expiresAt: string | null;
            lastUsedAt: string | null;
            revokedAt: string | null;
          }[];
        } } };
        401: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        403: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          name: string;
          permissions: ("public" | "read:graph" | "write:sets" | "write:tracks" | "import" | "merge:tracks" | "export" | "run:jobs" | "admin:users")[];
          expiresAt?: string | null;
        } };
      };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** the whole key: send it as X-API-Key or Bearer; shown once */
          key: string;
          apiKey: {
            id: number;
            name: string;
            /** the visible start of the key (snk_ and 8 characters) */
            prefix: string;
            permissions: ("public" | "read:graph" | "write:sets" | "write:tracks" | "import" | "merge:tracks" | "export" | "run:jobs" | "admin:users")[];
            createdAt: string;
            expiresAt: string | null;
            lastUsedAt: string | null;
            revokedAt: string | null;
          };
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        401: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        403: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        409: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/account/api-keys/{id}": {
    get?: never;
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: { headers: { [name: string]: unknown }; content: never };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        401: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        403: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/account/password": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          current: string;
          next: string;
        } };
      };
      responses: {
        204: { headers: { [name: string]: unknown }; content: never };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        401: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        403: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        429: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/audit": {
    get: {
      parameters: {
        query: {
          before?: number;
          limit: number;
          action?: "auth.login" | "auth.login_failed" | "auth.logout" | "auth.refresh_reuse" | "user.create" | "user.role" | "user.disable" | "user.password" | "apikey.create" | "apikey.revoke" | "tracks.merge" | "tracks.split" | "tracks.reject" | "artist.merge" | "artist.aliases" | "track.delete" | "set.delete" | "set.share" | "export.private";
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          items: {
            id: number;
            at: string;
            /** the user's email, api-key:<id>, local, system or guest */
            actor: string;
            actorUserId: number | null;
            action: string;
            target: string | null;
            requestId: string | null;
            ip: string | null;
            details: {
              [key: string]: unknown;
            } | null;
          }[];
          next: number | null;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        401: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        403: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/users": {
    get: {
      parameters: {
        query: {
          after?: number;
          limit: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          items: {
            id: number;
            email: string;
            displayName: string | null;
            role: "guest" | "user" | "premium" | "admin";
            createdAt: string;
            disabledAt: string | null;
          }[];
          next: number | null;
          nextUrl: string | null;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        401: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        403: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          email: string;
          password: string;
          role?: "guest" | "user" | "premium" | "admin";
          displayName?: string | null;
        } };
      };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: number;
          email: string;
          displayName: string | null;
          role: "guest" | "user" | "premium" | "admin";
          createdAt: string;
          disabledAt: string | null;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        401: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        403: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        409: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/users/{id}": {
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          role?: "guest" | "user" | "premium" | "admin";
          disabled?: boolean;
        } };
      };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: number;
          email: string;
          displayName: string | null;
          role: "guest" | "user" | "premium" | "admin";
          createdAt: string;
          disabledAt: string | null;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        401: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        403: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        409: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    trace?: never;
  };
  "/api/v1/analytics/activity": {
    get: {
      parameters: {
        query: {
          limit: number;
          bpmMin?: number;
          bpmMax?: number;
          keys?: string;
          genres?: string;
          yearFrom?: number;
          yearTo?: number;
          minCount?: number;
          minDjs?: number;
          sources?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          items: {
            /** YYYY-MM */
            month: string;
            sets: number;
            entries: number;
          }[];
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/analytics/genres": {
    get: {
      parameters: {
        query: {
          limit: number;
          bpmMin?: number;
          bpmMax?: number;
          keys?: string;
          genres?: string;
          yearFrom?: number;
          yearTo?: number;
          minCount?: number;
          minDjs?: number;
          sources?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          items: {
            genre: string | null;
            plays: number;
            tracks: number;
          }[];
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/analytics/top-djs": {
    get: {
      parameters: {
        query: {
          limit: number;
          bpmMin?: number;
          bpmMax?: number;
          keys?: string;
          genres?: string;
          yearFrom?: number;
          yearTo?: number;
          minCount?: number;
          minDjs?: number;
          sources?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          items: {
            id: number;
            name: string;
            sets: number;
            entries: number;
          }[];
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/analytics/top-tracks": {
    get: {
      parameters: {
        query: {
          limit: number;
          bpmMin?: number;
          bpmMax?: number;
          keys?: string;
          genres?: string;
          yearFrom?: number;
          yearTo?: number;
          minCount?: number;
          minDjs?: number;
          sources?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          items: {
            track: {
              id: number;
              artist: string;
              title: string;
              version: string | null;
              bpm: number | null;
              key: string | null;
              genre: string | null;
              year: number | null;
            };
            plays: number;
            sets: number;
          }[];
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/analytics/top-transitions": {
    get: {
      parameters: {
        query: {
          limit: number;
          bpmMin?: number;
          bpmMax?: number;
          keys?: string;
          genres?: string;
          yearFrom?: number;
          yearTo?: number;
          minCount?: number;
          minDjs?: number;
          sources?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          items: {
            from: {
              id: number;
              artist: string;
              title: string;
              version: string | null;
            };
            to: {
              id: number;
              artist: string;
              title: string;
              version: string | null;
            };
            count: number;
            djs: number;
            sets: number;
            firstDate: string | null;
            lastDate: string | null;
          }[];
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/artists": {
    get: {
      parameters: {
        query: {
          after?: number;
          limit: number;
          name?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          items: {
            id: number;
            name: string;
            /** tracks credited to the artist */
            tracks: number;
            /** sets the artist performed */
            performed: number;
          }[];
          next: number | null;
          nextUrl: string | null;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/artists/merge": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          keep: number;
          merge: number;
        } };
      };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          kept: number;
          merged: number;
          /** tracks whose credits moved */
          tracks: number;
          /** sets whose performer moved */
          sets: number;
          /** transitions whose DJ count was recounted */
          transitions: number;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/artists/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: number;
          name: string;
          aliases: string[];
          tracks: {
            id: number;
            artist: string;
            title: string;
            version: string | null;
            bpm: number | null;
            key: string | null;
            genre: string | null;
            year: number | null;
            role: string;
            plays: number;
          }[];
          collaborations: {
            id: number;
            name: string;
            tracks: number;
          }[];
          playedWith: {
            id: number;
            name: string;
            transitions: number;
          }[];
          /** sets this artist performed */
          performed: number;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/artists/{id}/aliases": {
    get?: never;
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          aliases: string[];
        } };
      };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: number;
          aliases: string[];
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        409: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/login": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query: {
          cookie: boolean;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          email: string;
          password: string;
        } };
      };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** JWT for `Authorization: Bearer`; 15 minutes */
          accessToken: string;
          tokenType: "Bearer";
          /** seconds until the access token expires */
          expiresIn: number;
          /** only with ?cookie=false (scripts); otherwise in the httpOnly cookie */
          refreshToken?: string;
          user: {
            id: number;
            email: string;
            displayName: string | null;
            role: "guest" | "user" | "premium" | "admin";
            createdAt: string;
            disabledAt: string | null;
          };
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        401: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        429: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/logout": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          refreshToken?: string;
        } };
      };
      responses: {
        204: { headers: { [name: string]: unknown }; content: never };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        403: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/me": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          user: {
            id: number;
            email: string;
            displayName: string | null;
            role: "guest" | "user" | "premium" | "admin";
            createdAt: string;
            disabledAt: string | null;
          } | null;
          principal: {
            kind: "user" | "api_key" | "local" | "guest" | "system";
            role: "guest" | "user" | "premium" | "admin";
            permissions: ("public" | "read:graph" | "write:sets" | "write:tracks" | "import" | "merge:tracks" | "export" | "run:jobs" | "admin:users")[];
          };
          mode: "local" | "required";
          setupNeeded: boolean;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/refresh": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query: {
          cookie: boolean;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          refreshToken?: string;
        } };
      };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** JWT for `Authorization: Bearer`; 15 minutes */
          accessToken: string;
          tokenType: "Bearer";
          /** seconds until the access token expires */
          expiresIn: number;
          /** only with ?cookie=false (scripts); otherwise in the httpOnly cookie */
          refreshToken?: string;
          user: {
            id: number;
            email: string;
            displayName: string | null;
            role: "guest" | "user" | "premium" | "admin";
            createdAt: string;
            disabledAt: string | null;
          };
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        401: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        403: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        429: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/setup": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          needed: boolean;
        } } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          email: string;
          password: string;
          displayName?: string;
        } };
      };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** JWT for `Authorization: Bearer`; 15 minutes */
          accessToken: string;
          tokenType: "Bearer";
          /** seconds until the access token expires */
          expiresIn: number;
          /** only with ?cookie=false (scripts); otherwise in the httpOnly cookie */
          refreshToken?: string;
          user: {
            id: number;
            email: string;
            displayName: string | null;
            role: "guest" | "user" | "premium" | "admin";
            createdAt: string;
            disabledAt: string | null;
          };
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        403: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        409: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        429: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/dedupe/candidates": {
    get: {
      parameters: {
        query: {
          limit: number;
          offset: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          score: number;
          createdAt: string;
          track: {
            id: number;
            artist: string;
            title: string;
            version: string | null;
            plays: number;
          };
          candidate: {
            id: number;
            artist: string;
            title: string;
            version: string | null;
            plays: number;
          };
        }[] } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/dedupe/merge": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          keptId: number;
          mergedId: number;
        } };
      };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          mergeId: number;
          score: number;
          entriesMoved: number;
          transitionsRewritten: number;
          selfLoopsDropped: number;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/dedupe/merges": {
    get: {
      parameters: {
        query: {
          limit: number;
          offset: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: number;
          kept: {
            id: number;
            artist: string;
            title: string;
            version: string | null;
          };
          merged: {
            id: number;
            artist: string;
            title: string;
            version: string | null;
          };
          score: number | null;
          method: string;
          actor: string | null;
          createdAt: string;
          undoneAt: string | null;
          entriesMoved: number;
        }[] } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/dedupe/reject": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          trackId: number;
          candidateId: number;
        } };
      };
      responses: {
        204: { headers: { [name: string]: unknown }; content: never };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/dedupe/split": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          mergeId: number;
        } };
      };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          mergeId: number;
          keptId: number;
          mergedId: number;
          entriesRestored: number;
          transitionsRestored: number;
          setsChangedSince: number;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/exports": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          kind: "graph" | "set" | "plan" | "tracks";
          /** graph: gexf, graphml, json, csv; set, plan, tracks: m3u8, rekordbox, traktor, csv, json */
          format: "gexf" | "graphml" | "json" | "csv" | "m3u8" | "rekordbox" | "traktor";
          /** track ids, in order */
          tracks?: number[];
          name?: string;
          setId?: number;
          /** a saved plan (POST /plans) */
          planId?: number;
          /** a plan not saved: its tracks in order and a name */
          plan?: {
            /** track ids, in order */
            tracks: number[];
            name?: string;
          };
          /** graph exports: which transitions and tracks */
          filters?: {
            minCount?: number;
            minDjs?: number;
            bpmMin?: number;
            bpmMax?: number;
            /** Camelot keys */
            keys?: string[];
            genres?: string[];
            yearFrom?: number;
            yearTo?: number;
            /** the strongest edges only */
            maxEdges?: number;
          };
        } };
      };
      responses: {
        202: { headers: { [name: string]: unknown }; content: { "application/json": {
          jobId: string;
          status: "queued";
          /** the file, once ready (503 until then) */
          download: string;
          /** the export’s status */
          self: string;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/exports/{jobId}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          jobId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          jobId: string;
          status: "queued" | "active" | "completed" | "failed" | "retrying" | "cancelled" | "expired";
          /** the file, once it is ready */
          download: string | null;
          file?: {
            filename: string;
            contentType: string;
            bytes: number;
            tracks?: number;
            nodes?: number;
            edges?: number;
            /** set entries nobody identified, not in the playlist */
            unknownEntriesLeftOut?: number;
            missingTrackIds?: number[];
          };
          /** why it failed */
          message?: string;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/exports/{jobId}/download": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          jobId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/gexf+xml": string; "application/graphml+xml": string; "application/json": string; "text/csv": string; "audio/x-mpegurl": string; "application/xml": string } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        409: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        503: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/graph/communities": {
    get: {
      parameters: {
        query: {
          members: boolean;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          [key: string]: unknown;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        503: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          seed?: number;
          resolution?: number;
        } };
      };
      responses: {
        202: { headers: { [name: string]: unknown }; content: { "application/json": {
          jobId: string;
          queue: string;
          progress: string;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        503: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/graph/layout": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: number;
          graphVersion: number;
          kind: string;
          params: unknown;
          createdAt: string;
          trackIds: number[];
          /** x0, y0, x1, y1, … */
          positions: number[];
        } } };
        503: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          iterations?: number;
          incremental?: boolean;
          seed?: number;
        } };
      };
      responses: {
        202: { headers: { [name: string]: unknown }; content: { "application/json": {
          jobId: string;
          queue: string;
          progress: string;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        503: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/graph/rankings/{kind}": {
    get: {
      parameters: {
        query: {
          limit: number;
          bpmMin?: number;
          bpmMax?: number;
          keys?: string;
          genres?: string;
          yearFrom?: number;
          yearTo?: number;
          minCount?: number;
          minDjs?: number;
          sources?: string;
        };
        header?: never;
        path: {
          kind: "most-played" | "most-connected" | "pagerank" | "bridges";
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          [key: string]: unknown;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        503: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/graph/status": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          [key: string]: unknown;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/graph/subgraph": {
    get: {
      parameters: {
        query: {
          nodes: number;
          edges: number;
          bpmMin?: number;
          bpmMax?: number;
          keys?: string;
          genres?: string;
          yearFrom?: number;
          yearTo?: number;
          minCount?: number;
          minDjs?: number;
          sources?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** graph version: changes with every import, merge or correction */
          version: number;
          nodes: {
            trackId: number;
            [key: string]: unknown;
          }[];
          edges: {
            source: number;
            target: number;
            [key: string]: unknown;
          }[];
          /** names of the tracks mentioned, by id, with their BPM and key */
          tracks: {
            [key: string]: {
              trackId: number;
              artist: string;
              title: string;
              version: string | null;
              mergedInto: number | null;
              bpm: number | null;
              key: string | null;
            };
          };
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/imports": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: {
          format?: "text" | "csv" | "json" | "cue" | "m3u" | "rekordbox" | "traktor" | "setlistfm" | "1001tracklists" | "mixesdb";
          source?: string;
          filename?: string;
          visibility?: "public" | "private";
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        202: { headers: { [name: string]: unknown }; content: { "application/json": {
          jobId: string;
          progress: string;
          events: string;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        413: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        415: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/jobs": {
    get: {
      parameters: {
        query: {
          queue?: string;
          state?: "queued" | "active" | "completed" | "failed" | "retrying" | "cancelled";
          after?: number;
          limit: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          items: {
            jobId: string;
            queue: string;
            state: "queued" | "active" | "completed" | "failed" | "retrying" | "cancelled";
            progress: {
              [key: string]: unknown;
            };
            updatedAt: string;
          }[];
          next: number | null;
          nextUrl: string | null;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/jobs/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          jobId: string;
          queue: string;
          state: string;
          progress: {
            [key: string]: unknown;
          };
          updatedAt: string;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/jobs/{id}/cancel": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          jobId: string;
          queue: string;
          state: "queued" | "active" | "completed" | "failed" | "retrying" | "cancelled";
          progress: {
            [key: string]: unknown;
          };
          updatedAt: string;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        409: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/jobs/{id}/retry": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          jobId: string;
          queue: string;
          state: "queued" | "active" | "completed" | "failed" | "retrying" | "cancelled";
          progress: {
            [key: string]: unknown;
          };
          updatedAt: string;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        409: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/plan": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          from: number | string;
          to: number | string;
          via?: (number | string)[];
          length?: number;
          minutes?: number;
          averageTrackSeconds?: number;
          /** percent per step */
          maxBpmChange?: number;
          /** BPM per step */
          maxBpmChangeBpm?: number;
          halfDoubleTime?: boolean;
          harmonic?: "same" | "adjacent" | "relative" | "energy_boost" | "any";
          /** steps whose key is unknown under a harmonic rule: allow (default; flagged in the step) or refuse */
          unknownKeys?: "allow" | "refuse";
          /** other versions of a track already in the set (its original, remixes, edits): avoid (default) or allow */
          versions?: "avoid" | "allow";
          energy?: "rising" | "falling" | "peak" | "flat";
          /** evidence (1) against fit (0) */
          trust?: number;
          allowBridges?: boolean;
          library?: number[];
          /** alternatives */
          k?: number;
        } };
      };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          [key: string]: unknown;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        409: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/plans": {
    get: {
      parameters: {
        query: {
          after?: number;
          limit: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          items: {
            id: number;
            name: string;
            trackIds: number[];
            /** what the planner was asked */
            constraints: {
              [key: string]: unknown;
            };
            createdAt: string;
            updatedAt: string;
          }[];
          next: number | null;
          nextUrl: string | null;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          name: string;
          tracks: number[];
          constraints?: {
            [key: string]: unknown;
          };
        } };
      };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: number;
          name: string;
          trackIds: number[];
          /** what the planner was asked */
          constraints: {
            [key: string]: unknown;
          };
          createdAt: string;
          updatedAt: string;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/plans/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: number;
          name: string;
          trackIds: number[];
          /** what the planner was asked */
          constraints: {
            [key: string]: unknown;
          };
          createdAt: string;
          updatedAt: string;
          tracks: ({
            id: number;
            artist: string;
            title: string;
            version: string | null;
            bpm: number | null;
            key: string | null;
            genre: string | null;
            year: number | null;
          } | null)[];
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: { headers: { [name: string]: unknown }; content: never };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    options?: never;
    head?: never;
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          name?: string;
          tracks?: number[];
          constraints?: {
            [key: string]: unknown;
          };
        } };
      };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: number;
          name: string;
          trackIds: number[];
          /** what the planner was asked */
          constraints: {
            [key: string]: unknown;
          };
          createdAt: string;
          updatedAt: string;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    trace?: never;
  };
  "/api/v1/scrapes": {
    get: {
      parameters: {
        query: {
          limit: number;
          state?: "queued" | "running" | "waiting_quota" | "completed" | "failed" | "cancelled";
          source?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          items: {
            id: number;
            source: string;
            kind: string;
            spec: {
              [key: string]: unknown;
            };
            priority: string;
            state: string;
            jobId: string | null;
            progress: {
              [key: string]: unknown;
            };
            result: {
              [key: string]: unknown;
            } | null;
            error: string | null;
            resumeAt: string | null;
            createdAt: string;
            updatedAt: string;
          }[];
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        503: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          /** a URL of a configured source, "source:query" (mixesdb:Solomun) or "target:Artist - Title" */
          input: string;
          priority?: "high" | "normal" | "low";
        } };
      };
      responses: {
        202: { headers: { [name: string]: unknown }; content: { "application/json": {
          task: {
            id: number;
            source: string;
            kind: string;
            spec: {
              [key: string]: unknown;
            };
            priority: string;
            state: string;
            jobId: string | null;
            progress: {
              [key: string]: unknown;
            };
            result: {
              [key: string]: unknown;
            } | null;
            error: string | null;
            resumeAt: string | null;
            createdAt: string;
            updatedAt: string;
          };
          duplicate: boolean;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        503: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/scrapes/schedules": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          items: {
            name: string;
            cron: string;
            spec: {
              [key: string]: unknown;
            };
          }[];
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/scrapes/schedules/{name}": {
    get?: never;
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          name: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          /** 5 fields, UTC: "0 4 * * *" */
          cron: string;
          /** a URL of a configured source, "source:query" (mixesdb:Solomun) or "target:Artist - Title" */
          input: string;
          priority?: "high" | "normal" | "low";
        } };
      };
      responses: {
        204: { headers: { [name: string]: unknown }; content: never };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        503: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          name: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: { headers: { [name: string]: unknown }; content: never };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        503: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/scrapes/targets": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          items: {
            id: number;
            trackId: number | null;
            artist: string;
            title: string;
            createdAt: string;
            lastSearchedAt: string | null;
            task: {
              id: number;
              state: string;
            } | null;
            lastResult: {
              taskId: number;
              /** completed, failed, cancelled or waiting_quota */
              state: string;
              finishedAt: string;
              /** sets found that contain the track */
              found: number;
              /** of those, sets new to the graph */
              added: number;
              /** of those, sets the graph already had */
              unchanged: number;
              errors: number;
              error: string | null;
              sets: {
                source: string;
                title: string | null;
                url: string | null;
                setId: number | null;
              }[];
            } | null;
          }[];
        } } };
        403: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          trackId?: number;
          artist?: string;
          title?: string;
        } };
      };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { "application/json": {
          target: {
            id: number;
            trackId: number | null;
            artist: string;
            title: string;
            createdAt: string;
            lastSearchedAt: string | null;
            task: {
              id: number;
              state: string;
            } | null;
            lastResult: {
              taskId: number;
              /** completed, failed, cancelled or waiting_quota */
              state: string;
              finishedAt: string;
              /** sets found that contain the track */
              found: number;
              /** of those, sets new to the graph */
              added: number;
              /** of those, sets the graph already had */
              unchanged: number;
              errors: number;
              error: string | null;
              sets: {
                source: string;
                title: string | null;
                url: string | null;
                setId: number | null;
              }[];
            } | null;
          };
          duplicate: boolean;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        403: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        409: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/scrapes/targets/search": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          ids?: number[];
          priority?: "high" | "normal" | "low";
        } };
      };
      responses: {
        202: { headers: { [name: string]: unknown }; content: { "application/json": {
          items: {
            targetId: number;
            task: {
              id: number;
              source: string;
              kind: string;
              spec: {
                [key: string]: unknown;
              };
              priority: string;
              state: string;
              jobId: string | null;
              progress: {
                [key: string]: unknown;
              };
              result: {
                [key: string]: unknown;
              } | null;
              error: string | null;
              resumeAt: string | null;
              createdAt: string;
              updatedAt: string;
            };
            duplicate: boolean;
          }[];
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        403: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        503: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/scrapes/targets/{id}": {
    get?: never;
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: { headers: { [name: string]: unknown }; content: never };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        403: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/scrapes/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: number;
          source: string;
          kind: string;
          spec: {
            [key: string]: unknown;
          };
          priority: string;
          state: string;
          jobId: string | null;
          progress: {
            [key: string]: unknown;
          };
          result: {
            [key: string]: unknown;
          } | null;
          error: string | null;
          resumeAt: string | null;
          createdAt: string;
          updatedAt: string;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        503: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/scrapes/{id}/cancel": {
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: number;
          source: string;
          kind: string;
          spec: {
            [key: string]: unknown;
          };
          priority: string;
          state: string;
          jobId: string | null;
          progress: {
            [key: string]: unknown;
          };
          result: {
            [key: string]: unknown;
          } | null;
          error: string | null;
          resumeAt: string | null;
          createdAt: string;
          updatedAt: string;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        409: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        503: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/search": {
    get: {
      parameters: {
        query: {
          q: string;
          limit: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          query: string;
          tracks: {
            id: number;
            artist: string;
            title: string;
            version: string | null;
            bpm: number | null;
            key: string | null;
            genre: string | null;
            year: number | null;
            score: number;
            plays: number;
          }[];
          artists: {
            id: number;
            name: string;
            score: number;
            tracks: number;
          }[];
          sets: {
            id: number;
            title: string | null;
            date: string | null;
            source: string;
            performers: string[];
          }[];
          facets: {
            genres: {
              value: string;
              count: number;
            }[];
            keys: {
              value: string;
              count: number;
            }[];
            years: {
              value: number;
              count: number;
            }[];
            bpm: {
              min: number | null;
              max: number | null;
            };
          };
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/sets": {
    get: {
      parameters: {
        query: {
          after?: number;
          limit: number;
          dj?: string;
          source?: string;
          kind?: "mix" | "radio_show" | "live_set" | "concert" | "history" | "playlist";
          dateFrom?: string;
          dateTo?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          items: {
            id: number;
            title: string | null;
            performers: string[];
            date: string | null;
            datePrecision: string | null;
            kind: string;
            source: string;
            url: string | null;
            event: string | null;
            venue: string | null;
            entryCount: number;
            /** 'private': seen by its owner alone, its transitions kept out of the graph until shared */
            visibility: "public" | "private";
          }[];
          next: number | null;
          nextUrl: string | null;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          title?: string;
          performers?: string[];
          /** YYYY, YYYY-MM or YYYY-MM-DD */
          date?: string;
          kind?: "mix" | "radio_show" | "live_set" | "concert" | "history" | "playlist";
          source?: string;
          /** the same source and externalId again replaces the set */
          externalId?: string;
          url?: string;
          event?: string;
          venue?: string;
          /** a signed-in user's set is 'private' unless 'public' shares it at once; without an account, sets are public */
          visibility?: "public" | "private";
          entries: {
            /** the line as written: "Artist - Title (Version)" */
            raw: string;
            artist?: string;
            title?: string;
            version?: string;
            label?: string;
            cueSeconds?: number;
            bpm?: number;
            key?: string;
            genre?: string;
            withPrevious?: boolean;
          }[];
        } };
      };
      responses: {
        201: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: number;
          title: string | null;
          performers: string[];
          date: string | null;
          datePrecision: string | null;
          kind: string;
          source: string;
          url: string | null;
          event: string | null;
          venue: string | null;
          entryCount: number;
          /** 'private': seen by its owner alone, its transitions kept out of the graph until shared */
          visibility: "public" | "private";
          entries: {
            position: number;
            line: number | null;
            /** the line as it was written */
            raw: string;
            /** an ID / unidentified track */
            unknown: boolean;
            /** a w/ layer over the entry before */
            withPrevious: boolean;
            artist: string | null;
            title: string | null;
            version: string | null;
            label: string | null;
            cueSeconds: number | null;
            track: {
              id: number;
              artist: string;
              title: string;
              version: string | null;
              bpm: number | null;
              key: string | null;
              genre: string | null;
              year: number | null;
            } | null;
          }[];
          warnings: string[];
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/sets/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: number;
          title: string | null;
          performers: string[];
          date: string | null;
          datePrecision: string | null;
          kind: string;
          source: string;
          url: string | null;
          event: string | null;
          venue: string | null;
          entryCount: number;
          /** 'private': seen by its owner alone, its transitions kept out of the graph until shared */
          visibility: "public" | "private";
          confidence: number | null;
          entries: {
            position: number;
            line: number | null;
            /** the line as it was written */
            raw: string;
            /** an ID / unidentified track */
            unknown: boolean;
            /** a w/ layer over the entry before */
            withPrevious: boolean;
            artist: string | null;
            title: string | null;
            version: string | null;
            label: string | null;
            cueSeconds: number | null;
            track: {
              id: number;
              artist: string;
              title: string;
              version: string | null;
              bpm: number | null;
              key: string | null;
              genre: string | null;
              year: number | null;
            } | null;
          }[];
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: { headers: { [name: string]: unknown }; content: never };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    options?: never;
    head?: never;
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          /** 'private': seen by its owner alone, its transitions kept out of the graph until shared */
          visibility: "public" | "private";
        } };
      };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: number;
          title: string | null;
          performers: string[];
          date: string | null;
          datePrecision: string | null;
          kind: string;
          source: string;
          url: string | null;
          event: string | null;
          venue: string | null;
          entryCount: number;
          /** 'private': seen by its owner alone, its transitions kept out of the graph until shared */
          visibility: "public" | "private";
          confidence: number | null;
          entries: {
            position: number;
            line: number | null;
            /** the line as it was written */
            raw: string;
            /** an ID / unidentified track */
            unknown: boolean;
            /** a w/ layer over the entry before */
            withPrevious: boolean;
            artist: string | null;
            title: string | null;
            version: string | null;
            label: string | null;
            cueSeconds: number | null;
            track: {
              id: number;
              artist: string;
              title: string;
              version: string | null;
              bpm: number | null;
              key: string | null;
              genre: string | null;
              year: number | null;
            } | null;
          }[];
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        403: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        409: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    trace?: never;
  };
  "/api/v1/sources": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** false until SCRAPER_CONTACT_URL is set */
          configured: boolean;
          sources: {
            source: string;
            successes: number;
            failures: number;
            successRate: number | null;
            lastError: string | null;
            lastErrorAt: string | null;
            lastSuccessAt: string | null;
            breaker: string;
            quotaLeft: number | null;
            configured: boolean;
          }[];
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/stats": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          tracks: number;
          artists: number;
          sets: number;
          setEntries: number;
          transitions: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tracks": {
    get: {
      parameters: {
        query: {
          after?: number;
          limit: number;
          artist?: string;
          title?: string;
          bpmMin?: number;
          bpmMax?: number;
          keys?: string;
          genres?: string;
          yearFrom?: number;
          yearTo?: number;
          source?: string;
          hasTransitions?: boolean;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          items: {
            id: number;
            artist: string;
            title: string;
            version: string | null;
            bpm: number | null;
            key: string | null;
            genre: string | null;
            year: number | null;
          }[];
          next: number | null;
          nextUrl: string | null;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tracks/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: number;
          artist: string;
          title: string;
          version: string | null;
          bpm: number | null;
          key: string | null;
          genre: string | null;
          year: number | null;
          versionKind: string;
          isMashup: boolean;
          durationSeconds: number | null;
          artists: {
            id: number;
            name: string;
            role: "primary" | "featured" | "remixer";
          }[];
          original: {
            id: number;
            artist: string;
            title: string;
            version: string | null;
          } | null;
          versions: {
            id: number;
            artist: string;
            title: string;
            version: string | null;
          }[];
          plays: number;
          sets: number;
          djs: number;
          mergedInto: number | null;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          entriesNowUnknown: number;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        409: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    options?: never;
    head?: never;
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: { 'application/json': {
          bpm?: number | null;
          key?: string | null;
          genre?: string | null;
        } };
      };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          id: number;
          artist: string;
          title: string;
          version: string | null;
          bpm: number | null;
          key: string | null;
          genre: string | null;
          year: number | null;
          versionKind: string;
          isMashup: boolean;
          durationSeconds: number | null;
          artists: {
            id: number;
            name: string;
            role: "primary" | "featured" | "remixer";
          }[];
          original: {
            id: number;
            artist: string;
            title: string;
            version: string | null;
          } | null;
          versions: {
            id: number;
            artist: string;
            title: string;
            version: string | null;
          }[];
          plays: number;
          sets: number;
          djs: number;
          mergedInto: number | null;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    trace?: never;
  };
  "/api/v1/tracks/{id}/neighbours": {
    get: {
      parameters: {
        query: {
          direction: "in" | "out" | "both";
          hops: number;
          limit: number;
          maxNodes: number;
          bpmMin?: number;
          bpmMax?: number;
          keys?: string;
          genres?: string;
          yearFrom?: number;
          yearTo?: number;
          minCount?: number;
          minDjs?: number;
          sources?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          nodes: {
            trackId: number;
            [key: string]: unknown;
          }[];
          edges: {
            from: number;
            to: number;
            [key: string]: unknown;
          }[];
          /** names of the tracks mentioned, by id, with their BPM and key */
          tracks: {
            [key: string]: {
              trackId: number;
              artist: string;
              title: string;
              version: string | null;
              mergedInto: number | null;
              bpm: number | null;
              key: string | null;
            };
          };
          [key: string]: unknown;
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        409: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tracks/{id}/next": {
    get: {
      parameters: {
        query: {
          limit: number;
          harmonic?: "same" | "adjacent" | "relative" | "energy_boost" | "any";
          maxBpmChange?: number;
          halfDoubleTime?: boolean;
          trust?: number;
          allowBridges?: boolean;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          trackId: number;
          recommendations: {
            to: number;
            kind: string;
            evidenceSets: {
              setId: number;
              title: string | null;
              performers: string[];
              date: string | null;
              source: string;
              url: string | null;
              position: number;
            }[];
            [key: string]: unknown;
          }[];
          /** names of the tracks mentioned, by id, with their BPM and key */
          tracks: {
            [key: string]: {
              trackId: number;
              artist: string;
              title: string;
              version: string | null;
              mergedInto: number | null;
              bpm: number | null;
              key: string | null;
            };
          };
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        409: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tracks/{id}/played-after": {
    get: {
      parameters: {
        query: {
          limit: number;
          evidence: number;
          bpmMin?: number;
          bpmMax?: number;
          keys?: string;
          genres?: string;
          yearFrom?: number;
          yearTo?: number;
          minCount?: number;
          minDjs?: number;
          sources?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          trackId: number;
          transitions: {
            from: number;
            to: number;
            count: number;
            djs: number;
            evidenceSets: {
              setId: number;
              title: string | null;
              performers: string[];
              date: string | null;
              source: string;
              url: string | null;
              position: number;
            }[];
            [key: string]: unknown;
          }[];
          /** names of the tracks mentioned, by id, with their BPM and key */
          tracks: {
            [key: string]: {
              trackId: number;
              artist: string;
              title: string;
              version: string | null;
              mergedInto: number | null;
              bpm: number | null;
              key: string | null;
            };
          };
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        409: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tracks/{id}/played-before": {
    get: {
      parameters: {
        query: {
          limit: number;
          evidence: number;
          bpmMin?: number;
          bpmMax?: number;
          keys?: string;
          genres?: string;
          yearFrom?: number;
          yearTo?: number;
          minCount?: number;
          minDjs?: number;
          sources?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          trackId: number;
          transitions: {
            from: number;
            to: number;
            count: number;
            djs: number;
            evidenceSets: {
              setId: number;
              title: string | null;
              performers: string[];
              date: string | null;
              source: string;
              url: string | null;
              position: number;
            }[];
            [key: string]: unknown;
          }[];
          /** names of the tracks mentioned, by id, with their BPM and key */
          tracks: {
            [key: string]: {
              trackId: number;
              artist: string;
              title: string;
              version: string | null;
              mergedInto: number | null;
              bpm: number | null;
              key: string | null;
            };
          };
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        409: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        422: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/transitions": {
    get: {
      parameters: {
        query: {
          from: number;
          to: number;
          sets: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": {
          from: {
            id: number;
            artist: string;
            title: string;
            version: string | null;
          };
          to: {
            id: number;
            artist: string;
            title: string;
            version: string | null;
          };
          count: number;
          sets: number;
          djs: number;
          firstDate: string | null;
          lastDate: string | null;
          evidence: {
            setId: number;
            title: string | null;
            performers: string[];
            date: string | null;
            source: string;
            url: string | null;
            position: number;
          }[];
        } } };
        400: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": {
          /** stable URI of the error class */
          type: string;
          title: string;
          status: number;
          detail: string;
          /** the parameter at fault: keys, from, via.2 */
          field?: string;
          requestId: string;
          candidates?: unknown;
          /** the permission a 401 or 403 is about */
          permission?: string;
          /** when a 429 may be retried */
          retryAfterSeconds?: number;
        } } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
