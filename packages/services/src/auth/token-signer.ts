// Access tokens: short-lived JWTs (HS256, jose). Several secrets may be configured for rotation: the
// first signs, every one verifies, and the token's `kid` header names the secret that signed it, so
// adding a new secret in front never signs anyone out — old tokens verify until they expire (15 min).
// Only HS256 is accepted (never `none`, never an asymmetric algorithm fed an HMAC secret).
import { createHash } from 'node:crypto';
import { errors, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { ServiceError } from '../errors.ts';
import { isRole, type Permission, type Principal, ROLE_PERMISSIONS, type Role } from './access.ts';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const TOKEN_ISSUER = 'songnodes';
/** Shorter HMAC secrets can be brute-forced offline from one captured token. */
export const MIN_SECRET_BYTES = 32;
const ALGORITHM = 'HS256';

/** The `kid` of a secret: the first 16 hex characters of its sha256 — names it without revealing it. */
export function keyId(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}

/**
 * Secrets from `SONGNODES_JWT_SECRET` (or its file): comma-separated, each at least 32 bytes.
 * `source` names where they came from for the message; the secrets themselves are never in it.
 */
export function parseJwtSecrets(value: string, source: string): string[] {
  const secrets = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (secrets.length === 0) throw new Error(`${source} holds no secret`);
  secrets.forEach((s, i) => {
    const bytes = Buffer.byteLength(s, 'utf8');
    if (bytes < MIN_SECRET_BYTES)
      throw new Error(
        `${source}: secret ${i + 1} of ${secrets.length} is ${bytes} bytes; each must be at least ${MIN_SECRET_BYTES} (e.g. \`openssl rand -base64 48\`)`,
      );
  });
  return secrets;
}

/** Who a token is for: the user and their role when it was signed. */
export interface TokenSubject {
  id: number;
  email: string;
  role: Role;
}

export interface SignedToken {
  token: string;
  /** Seconds until it expires. */
  expiresIn: number;
}

const unauthenticated = (message: string) => new ServiceError('unauthenticated', message);

export class TokenSigner {
  private readonly keys: Map<string, Uint8Array>;
  private readonly signingKid: string;
  private readonly now: () => number;
  readonly ttlSeconds: number;

  /**
   * @param secrets first signs, all verify (each ≥ 32 bytes; see parseJwtSecrets).
   * @param o.now milliseconds since the epoch (tests move the clock).
   */
  constructor(secrets: readonly string[], o: { ttlSeconds?: number; now?: () => number } = {}) {
    if (secrets.length === 0) throw new Error('TokenSigner needs at least one secret');
    for (const s of secrets)
      if (Buffer.byteLength(s, 'utf8') < MIN_SECRET_BYTES)
        throw new Error(`every JWT secret must be at least ${MIN_SECRET_BYTES} bytes`);
    this.keys = new Map(secrets.map((s) => [keyId(s), new TextEncoder().encode(s)]));
    this.signingKid = keyId(secrets[0]!);
    this.ttlSeconds = o.ttlSeconds ?? ACCESS_TOKEN_SECONDS;
    this.now = o.now ?? Date.now;
  }

  async sign(subject: TokenSubject): Promise<SignedToken> {
    const iat = Math.floor(this.now() / 1000);
    const token = await new SignJWT({
      roles: [subject.role],
      permissions: [...ROLE_PERMISSIONS[subject.role]],
      email: subject.email,
    })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT', kid: this.signingKid })
      .setSubject(String(subject.id))
      .setIssuer(TOKEN_ISSUER)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttlSeconds)
      .sign(this.keys.get(this.signingKid)!);
    return { token, expiresIn: this.ttlSeconds };
  }

  /** The principal a token stands for; a ServiceError('unauthenticated') saying why when it is not good. */
  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(
        token,
        (header) => {
          if (header.alg !== ALGORITHM)
            throw unauthenticated(`access token algorithm ${header.alg} is not accepted`);
          if (typeof header.kid !== 'string') throw unauthenticated('access token has no key id (kid)');
          const key = this.keys.get(header.kid);
          if (!key) throw unauthenticated('access token was signed with a key that is no longer accepted');
          return key;
        },
        { algorithms: [ALGORITHM], issuer: TOKEN_ISSUER, currentDate: new Date(this.now()) },
      ));
    } catch (e) {
      throw e instanceof ServiceError ? e : unauthenticated(reason(e));
    }
    return principalOf(payload);
  }
}

function reason(e: unknown): string {
  if (e instanceof errors.JWTExpired) return 'access token has expired';
  if (e instanceof errors.JWSSignatureVerificationFailed) return 'access token signature is not valid';
  if (e instanceof errors.JOSEAlgNotAllowed) return 'access token algorithm is not accepted';
  if (e instanceof errors.JWTClaimValidationFailed)
    return e.claim === 'iss'
      ? 'access token was not issued by SongNodes'
      : `access token claim ${e.claim} is not valid`;
  return 'access token is malformed';
}

/**
 * The token's claims as a Principal. The permissions must be exactly those of the claimed role: a
 * token is trusted for its 15 minutes without a database read, so it may not carry anything else.
 */
function principalOf(p: JWTPayload): Principal {
  const userId = Number(p.sub);
  if (!p.sub || !Number.isSafeInteger(userId) || userId <= 0)
    throw unauthenticated('access token has no valid subject');
  const roles = p.roles;
  if (!Array.isArray(roles) || roles.length !== 1 || typeof roles[0] !== 'string' || !isRole(roles[0]))
    throw unauthenticated('access token has no valid role');
  const role = roles[0];
  const granted = ROLE_PERMISSIONS[role];
  const claimed = p.permissions;
  if (
    !Array.isArray(claimed) ||
    claimed.length !== granted.length ||
    !granted.every((g) => (claimed as unknown[]).includes(g))
  )
    throw unauthenticated(`access token permissions do not match its role ${role}`);
  if (typeof p.email !== 'string') throw unauthenticated('access token has no email');
  return {
    kind: 'user',
    userId,
    role,
    permissions: granted as readonly Permission[],
    label: p.email,
  };
}
