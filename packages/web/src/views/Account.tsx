// The signed-in user's account: who they are and what their role may do, a password change, and
// API keys for scripts (scoped to some of the user's permissions, expiring, revocable; the whole
// key is shown once, right after it is made, and never again).
import { type FormEvent, useState } from 'react';
import { expiryOf, grantable, KEY_LIFETIMES, keyState, passwordProblem } from '../accounts.ts';
import {
  type ApiKeyCreated,
  changePassword,
  createApiKey,
  listApiKeys,
  type Me,
  type Permission,
  revokeApiKey,
} from '../api/client.ts';
import { Empty, ErrorState, failureText, Loading, NotAllowed } from '../components/states.tsx';
import { TextField } from '../components/TextField.tsx';
import { href } from '../router.ts';
import { signOut, useSession } from '../session.ts';
import { useAsync } from '../use-async.ts';

function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeated, setRepeated] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = passwordProblem(next, repeated);
    if (problem) return setResult({ ok: false, text: problem });
    setBusy(true);
    setResult(null);
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeated('');
      setResult({ ok: true, text: 'Password changed.' });
    } catch (err) {
      setResult({ ok: false, text: failureText(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel auth-form" onSubmit={submit} aria-labelledby="password-title">
      <h2 id="password-title">Change the password</h2>
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        value={current}
        onChange={setCurrent}
      />
      <TextField
        label="New password (at least 10 characters)"
        type="password"
        autoComplete="new-password"
        required
        value={next}
        onChange={setNext}
      />
      <TextField
        label="The new password again"
        type="password"
        autoComplete="new-password"
        required
        value={repeated}
        onChange={setRepeated}
      />
      <button type="submit" disabled={busy || current === '' || next === ''}>
        {busy ? 'Changing…' : 'Change the password'}
      </button>
      {result && (
        <p className={result.ok ? 'note' : 'error'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </p>
      )}
    </form>
  );
}

/** The new key, once: with a copy button, and a warning that it will not be shown again. */
function NewKey({ created, onDone }: { created: ApiKeyCreated; onDone: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied('Copied.');
    } catch {
      setCopied('The browser would not copy: select the key and copy it by hand.');
    }
  };
  return (
    <div className="state new-key" role="status" data-new-key>
      <strong>Your new key “{created.apiKey.name}”</strong>
      <p>Copy it now: it is shown only this once. SongNodes keeps only a hash of it.</p>
      <p className="key-row">
        <code data-key>{created.key}</code>
        <button type="button" className="secondary small-button" onClick={() => void copy()}>
          Copy
        </button>
      </p>
      {copied && <p className="muted small">{copied}</p>}
      <p className="muted small">
        Send it as <code>Authorization: Bearer …</code> or <code>X-API-Key: …</code>.
      </p>
      <button type="button" className="secondary small-button" onClick={onDone}>
        I have saved it
      </button>
    </div>
  );
}

function KeyForm({
  held,
  onCreated,
}: {
  held: readonly Permission[];
  onCreated: (k: ApiKeyCreated) => void;
}) {
  const choices = grantable(held);
  const [name, setName] = useState('');
  const [picked, setPicked] = useState<Set<Permission>>(new Set(['read:graph']));
  const [days, setDays] = useState<number | null>(90);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = (p: Permission) =>
    setPicked((s) => {
      const n = new Set(s);
      if (n.has(p)) n.delete(p);
      else n.add(p);
      return n;
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const scopes = choices.filter((p) => picked.has(p));
      onCreated(await createApiKey(name.trim(), scopes, expiryOf(days)));
      setName('');
    } catch (err) {
      setError(failureText(err));
    } finally {
      setBusy(false);
    }
  };

  const scopes = choices.filter((p) => picked.has(p));
  return (
    <form className="panel key-form" onSubmit={submit} aria-labelledby="key-form-title">
      <h3 id="key-form-title">New key</h3>
      <TextField
        label="Name (what the key is for)"
        type="text"
        required
        maxLength={100}
        value={name}
        onChange={setName}
      />
      <fieldset className="permission-picks">
        <legend className="muted small">It may (at most what your role may):</legend>
        {choices.map((p) => (
          <label key={p} className="field checkbox">
            <input type="checkbox" checked={picked.has(p)} onChange={() => toggle(p)} value={p} />
            <span>{p}</span>
          </label>
        ))}
      </fieldset>
      <label className="field inline">
        <span>Expires after</span>
        <select
          value={days === null ? 'never' : String(days)}
          onChange={(e) => setDays(e.target.value === 'never' ? null : Number(e.target.value))}
        >
          {KEY_LIFETIMES.map((l) => (
            <option key={l.label} value={l.days === null ? 'never' : String(l.days)}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy || name.trim() === '' || scopes.length === 0}>
        {busy ? 'Creating…' : 'Create the key'}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function ApiKeys({ me }: { me: Me }) {
  const keys = useAsync(() => listApiKeys(), []);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const [action, setAction] = useState<{ id: number; error?: string } | null>(null);

  const revoke = async (id: number) => {
    setAction({ id });
    try {
      await revokeApiKey(id);
      setAction(null);
    } catch (e) {
      setAction({ id, error: failureText(e) });
    }
    keys.reload();
  };

  return (
    <section aria-labelledby="keys-title" className="api-keys">
      <h2 id="keys-title">API keys</h2>
      <p className="muted">
        For scripts and tools: a key acts as you, with only the permissions you give it.
      </p>
      {created && (
        <NewKey
          created={created}
          onDone={() => {
            setCreated(null);
          }}
        />
      )}
      {action?.error && (
        <p className="error" role="alert">
          {action.error}
        </p>
      )}
      {keys.status === 'error' && <ErrorState error={keys.error} retry={keys.reload} />}
      {!keys.data && keys.status === 'loading' && <Loading what="your keys" />}
      {keys.data && keys.data.items.length === 0 && <Empty title="No keys yet" />}
      {keys.data && keys.data.items.length > 0 && (
        <table className="key-table">
          <caption className="visually-hidden">Your API keys</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Key</th>
              <th scope="col">May</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.data.items.map((k) => (
              <tr key={k.id} data-key-id={k.id}>
                <td>{k.name}</td>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td className="small">{k.permissions.join(', ')}</td>
                <td className="muted">{new Date(k.createdAt).toLocaleDateString('en')}</td>
                <td className="muted">
                  {k.lastUsedAt ? new Date(k.lastUsedAt).toLocaleString('en') : 'never'}
                </td>
                <td>{keyState(k)}</td>
                <td>
                  {!k.revokedAt && (
                    <button
                      type="button"
                      className="secondary small-button"
                      disabled={action?.id === k.id}
                      onClick={() => void revoke(k.id)}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <KeyForm
        held={me.principal.permissions}
        onCreated={(k) => {
          setCreated(k);
          keys.reload();
        }}
      />
    </section>
  );
}

export function AccountView() {
  const session = useSession();
  if (session.status === 'loading') return <Loading what="your account" />;
  if (session.status === 'error') return <ErrorState error={session.error} />;
  const { me } = session;
  if (!me.user) {
    if (me.principal.kind === 'local')
      return (
        <div className="account">
          <h1>Account</h1>
          <p className="lead" data-state="local-owner">
            You use this server as its local owner, without an account: on this computer you may do
            everything. Accounts are for other people and for a server others reach; create one on{' '}
            {me.setupNeeded ? <a href={href({ view: 'setup' })}>the setup page</a> : 'the Users page'} or with{' '}
            <code>songnodes user create</code>, then <a href={href({ view: 'login' })}>sign in</a>.
          </p>
        </div>
      );
    return (
      <div className="account">
        <h1>Account</h1>
        <NotAllowed message="Your account page needs you to sign in." signIn />
      </div>
    );
  }
  return (
    <div className="account">
      <h1>Account</h1>
      <dl className="facts account-facts">
        <dt>Email</dt>
        <dd data-email>{me.user.email}</dd>
        <dt>Role</dt>
        <dd data-role>{me.user.role}</dd>
        <dt>May</dt>
        <dd className="small">{grantable(me.principal.permissions).join(', ')}</dd>
      </dl>
      <p>
        <button type="button" className="secondary" onClick={() => void signOut()}>
          Sign out
        </button>
      </p>
      <PasswordForm />
      <ApiKeys me={me} />
    </div>
  );
}
