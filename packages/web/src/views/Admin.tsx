// For admins (permission admin:users): the users (create, change a role, disable or enable) and the
// audit log (newest first, a page at a time, filtered by action). The page asks the server even for
// someone without the permission, so what they see is the server's own refusal.
import { type FormEvent, useState } from 'react';
import { describeDetails } from '../accounts.ts';
import { AUDIT_ACTIONS, type AuditAction, ROLES } from '../api/auth-types.ts';
import { type AdminUser, createUser, getAudit, listUsers, type Role, updateUser } from '../api/client.ts';
import { Empty, ErrorState, failureText, Loading } from '../components/states.tsx';
import { TextField } from '../components/TextField.tsx';
import { type AdminSection, href, type Place, useSetParams } from '../router.ts';
import { useSession } from '../session.ts';
import { useAsync } from '../use-async.ts';

const PAGE = 50;

function NewUserForm({ onCreated }: { onCreated: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('user');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password.length < 10)
      return setResult({ ok: false, text: 'The password needs at least 10 characters.' });
    setBusy(true);
    setResult(null);
    try {
      const u = await createUser(email.trim(), password, role);
      setResult({ ok: true, text: `Created ${u.email} (${u.role}).` });
      setEmail('');
      setPassword('');
      onCreated();
    } catch (err) {
      setResult({ ok: false, text: failureText(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel user-form" onSubmit={submit} aria-labelledby="new-user-title">
      <h2 id="new-user-title">New user</h2>
      <div className="field-row">
        <TextField label="Email" type="email" required value={email} onChange={setEmail} />
        <TextField
          label="First password (they can change it)"
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={setPassword}
        />
        <label className="field">
          <span>Role</span>
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button type="submit" disabled={busy || email.trim() === '' || password === ''}>
        {busy ? 'Creating…' : 'Create the user'}
      </button>
      {result && (
        <p className={result.ok ? 'note' : 'error'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </p>
      )}
    </form>
  );
}

function Users() {
  const session = useSession();
  const users = useAsync(() => listUsers(), []);
  const [action, setAction] = useState<{ id: number; error?: string } | null>(null);
  const myId = session.me?.user?.id ?? null;

  const change = async (u: AdminUser, c: { role?: Role; disabled?: boolean }) => {
    setAction({ id: u.id });
    try {
      await updateUser(u.id, c);
      setAction(null);
    } catch (e) {
      setAction({ id: u.id, error: `${u.email}: ${failureText(e)}` });
    }
    users.reload();
  };

  if (users.status === 'error' && !users.data) return <ErrorState error={users.error} retry={users.reload} />;
  return (
    <>
      {action?.error && (
        <p className="error" role="alert">
          {action.error}
        </p>
      )}
      {!users.data && <Loading what="the users" />}
      {users.data && users.data.items.length === 0 && <Empty title="No users yet" />}
      {users.data && users.data.items.length > 0 && (
        <table className="user-table">
          <caption className="visually-hidden">Users</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Since</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((u) => (
              <tr key={u.id} data-user={u.email}>
                <td>
                  {u.email}
                  {u.displayName && <span className="muted small"> ({u.displayName})</span>}
                  {u.id === myId && <span className="pill">you</span>}
                </td>
                <td>
                  <select
                    aria-label={`Role of ${u.email}`}
                    value={u.role}
                    disabled={action?.id === u.id}
                    onChange={(e) => void change(u, { role: e.target.value as Role })}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="muted">{new Date(u.createdAt).toLocaleDateString('en')}</td>
                <td>
                  <span className={`pill ${u.disabledAt ? 'state-failed' : 'state-completed'}`}>
                    {u.disabledAt ? 'disabled' : 'active'}
                  </span>
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary small-button"
                    disabled={action?.id === u.id}
                    onClick={() => void change(u, { disabled: u.disabledAt === null })}
                  >
                    {u.disabledAt ? 'Enable' : 'Disable'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {users.data && <NewUserForm onCreated={users.reload} />}
    </>
  );
}

function AuditLog({ place }: { place: Place }) {
  const setParams = useSetParams(place);
  // From the URL: an action the log does not know, or a cursor that is not an entry id, is ignored.
  const asked = place.params.get('action') ?? '';
  const action = (AUDIT_ACTIONS as readonly string[]).includes(asked) ? (asked as AuditAction) : undefined;
  const cursor = Number(place.params.get('before'));
  const before = Number.isSafeInteger(cursor) && cursor > 0 ? cursor : undefined;
  const page = useAsync(() => getAudit({ before, action, limit: PAGE }), [before, action]);

  if (page.status === 'error' && !page.data) return <ErrorState error={page.error} retry={page.reload} />;
  return (
    <>
      <div className="audit-bar">
        <label className="field inline">
          <span>Action</span>
          <select
            value={action ?? ''}
            onChange={(e) => setParams({ action: e.target.value, before: undefined })}
          >
            <option value="">every action</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        {before !== undefined && (
          <button
            type="button"
            className="secondary small-button"
            onClick={() => setParams({ before: undefined })}
          >
            Newest
          </button>
        )}
      </div>
      {!page.data && <Loading what="the audit log" />}
      {page.data && page.data.items.length === 0 && (
        <Empty title="Nothing recorded">
          <p>{action ? `No ${action} entries${before ? ' before these' : ''}.` : 'No entries yet.'}</p>
        </Empty>
      )}
      {page.data && page.data.items.length > 0 && (
        <table className="audit-table" data-loading={page.status === 'loading' || undefined}>
          <caption className="visually-hidden">Audit log, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">From</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {page.data.items.map((e) => (
              <tr key={e.id} data-action={e.action}>
                <td className="muted">{new Date(e.at).toLocaleString('en')}</td>
                <td>{e.actor}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>{e.target ?? '—'}</td>
                <td className="muted small">
                  {e.ip ?? ''}
                  {e.requestId && (
                    <>
                      <br />
                      <span title="request id">{e.requestId}</span>
                    </>
                  )}
                </td>
                <td className="small">{describeDetails(e.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.data?.next != null && (
        <button
          type="button"
          className="secondary"
          onClick={() => setParams({ before: String(page.data?.next) })}
        >
          Older entries
        </button>
      )}
    </>
  );
}

const SECTIONS: [AdminSection, string][] = [
  ['users', 'Users'],
  ['audit', 'Audit log'],
];

export function AdminView({ place, section }: { place: Place; section: AdminSection }) {
  return (
    <div className="admin">
      <h1>Admin</h1>
      <nav aria-label="Admin pages" className="tabs">
        {SECTIONS.map(([s, label]) => (
          <a
            key={s}
            href={href({ view: 'admin', section: s })}
            aria-current={s === section ? 'page' : undefined}
          >
            {label}
          </a>
        ))}
      </nav>
      {section === 'users' ? <Users /> : <AuditLog place={place} />}
    </div>
  );
}
