// Sign in: email and password for an access token (kept in memory) and a refresh cookie. After
// signing in, goes back to the page that sent us here (`next`, a hash of this app only).
import { type FormEvent, useState } from 'react';
import { failureText } from '../components/states.tsx';
import { TextField } from '../components/TextField.tsx';
import { href, type Place } from '../router.ts';
import { signIn, signOut, useSession, whoIs } from '../session.ts';

/** `next` is only ever set as the hash (never a URL), so it cannot lead off the app; anything else goes home. */
export function safeNext(next: string | null): string {
  return next?.startsWith('#/') ? next : '#/';
}

export function LoginView({ place }: { place: Place }) {
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = safeNext(place.params.get('next'));
  const me = session.me;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
      setPassword('');
      window.location.hash = next;
    } catch (err) {
      setError(failureText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <h1>Sign in</h1>
      {me?.user && (
        <p className="note" data-signed-in>
          You are signed in as {whoIs(me)}.{' '}
          <button type="button" className="link-button" onClick={() => void signOut()}>
            Sign out
          </button>
        </p>
      )}
      {me?.mode === 'local' && !me.user && (
        <p className="lead">
          This server runs in local mode: on this computer you use it as its owner without signing in. Sign in
          to act as one of its accounts instead.
        </p>
      )}
      {me?.setupNeeded && (
        <p className="note">
          No account exists yet. <a href={href({ view: 'setup' })}>Create the first admin account</a>.
        </p>
      )}
      <form className="panel auth-form" onSubmit={submit} aria-labelledby="login-title">
        <h2 id="login-title" className="visually-hidden">
          Sign in with email and password
        </h2>
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
        <button type="submit" disabled={busy || email.trim() === '' || password === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {error && (
          <p className="error" role="alert" data-login-error>
            {error}
          </p>
        )}
      </form>
    </div>
  );
}
