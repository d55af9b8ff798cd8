// Private imports (issue 10): a signed-in user's uploads and posted sets are theirs alone until they
// share them; everyone else (guests, the local owner, the CLI and jobs) reads and writes the public
// catalogue. The database side of the rule is db/repositories/visibility.ts and set-writes.ts.
import type { SetOwner, Viewer } from '@songnodes/db';
import type { Principal } from './auth/access.ts';
import { invalid } from './errors.ts';

export type Visibility = 'public' | 'private';

/** The user whose private sets and tracks a principal may read; null reads the public catalogue. */
export function viewerOf(p: Principal): Viewer {
  return (p.kind === 'user' || p.kind === 'api_key') && p.userId !== null ? p.userId : null;
}

/**
 * Who owns what a principal writes: a user's (or their API key's) sets are theirs, private unless
 * `visibility: 'public'` shares them at once; the local owner, the CLI and jobs write the public
 * catalogue, where asking for a private set is an error (there is no account to keep it for).
 */
export function ownerOf(p: Principal, visibility: Visibility | undefined): SetOwner | undefined {
  const userId = viewerOf(p);
  if (userId !== null) return { userId, private: visibility !== 'public' };
  if (visibility === 'private')
    throw invalid(
      'visibility',
      'a private set belongs to a user account: sign in (or use an API key) to keep a set private',
    );
  return undefined;
}
