// The header's corner for who is using the app: the signed-in account (to its page) and sign out;
// "local owner" in local mode; otherwise Sign in (and Set up while no account exists).
import { href } from '../router.ts';
import { signOut, useSession, whoIs } from '../session.ts';
import { loginHref } from './states.tsx';

export function AccountMenu() {
  const { me } = useSession();
  if (!me)
    return (
      <div className="account-menu">
        <a href={loginHref()}>Sign in</a>
      </div>
    );
  return (
    <div className="account-menu" data-principal={me.principal.kind} data-mode={me.mode}>
      {me.user ? (
        <>
          <a href={href({ view: 'account' })} title={`Role: ${me.principal.role}`} data-signed-in-as>
            {whoIs(me)}
          </a>
          <button type="button" className="secondary small-button" onClick={() => void signOut()}>
            Sign out
          </button>
        </>
      ) : (
        <>
          {me.principal.kind === 'local' && (
            <a
              className="pill"
              href={href({ view: 'account' })}
              title="Local mode: on this computer you use SongNodes as its owner, without signing in"
            >
              local owner
            </a>
          )}
          {me.setupNeeded && me.mode === 'required' && <a href={href({ view: 'setup' })}>Set up</a>}
          <a href={loginHref()}>Sign in</a>
        </>
      )}
    </div>
  );
}
