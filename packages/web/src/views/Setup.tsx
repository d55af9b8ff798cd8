// The one-time setup: while no account exists, the first admin is created here (the server accepts
// it only from localhost; elsewhere `songnodes user create --admin` does it). There is no default
// password, ever: the admin picks one.
import { type FormEvent, useState } from 'react';
import { passwordProblem } from '../accounts.ts';
import { failureText, Loading } from '../components/states.tsx';
import { TextField } from '../components/TextField.tsx';
import { href } from '../router.ts';
import { createFirstAdmin, useSession } from '../session.ts';

export function SetupView() {
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (session.status === 'loading') return <Loading what="the setup" />;
  if (session.me && !session.me.setupNeeded)
    return (
      <div className="auth-page">
        <h1>Setup</h1>
        <p className="note" data-state="setup-done">
          Setup is done: an admin account exists. <a href={href({ view: 'login' })}>Sign in</a>.
        </p>
      </div>
    );

  const problem = password === '' ? null : passwordProblem(password, repeated);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p = passwordProblem(password, repeated);
    if (p) return setError(p);
    setBusy(true);
    setError(null);
    try {
      await createFirstAdmin(email.trim(), password);
      window.location.hash = href({ view: 'account' });
    } catch (err) {
      setError(failureText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <h1>Set up SongNodes</h1>
      <p className="lead">
        Create the first admin account. This page works only from the computer the server runs on, and only
        until the first account exists.
      </p>
      <form className="panel auth-form" onSubmit={submit} aria-labelledby="setup-title">
        <h2 id="setup-title" className="visually-hidden">
          The first admin account
        </h2>
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
        />
        <TextField
          label="Password (at least 10 characters)"
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={setPassword}
        />
        <TextField
          label="The password again"
          type="password"
          autoComplete="new-password"
          required
          value={repeated}
          onChange={setRepeated}
        />
        {problem && repeated !== '' && <p className="muted small">{problem}</p>}
        <button type="submit" disabled={busy || email.trim() === ''}>
          {busy ? 'Creating…' : 'Create the admin account'}
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}
