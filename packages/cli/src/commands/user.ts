// `songnodes user …`: accounts from the terminal. This is how the first admin of a server is made
// (there is no default password, ever): the password comes from SONGNODES_PASSWORD (automation) or is
// typed at a prompt that does not echo it; without either the command refuses. The command acts as
// SYSTEM — whoever can run it can read the database anyway — and goes through the API's UserService,
// so the same rules and the same audit entries apply.
import { AuditService } from '@songnodes/services/auth/audit-service';
import { UserService } from '@songnodes/services/auth/user-service';
import type { UserView } from '@songnodes/services/auth/user-view';
import { ServiceError } from '@songnodes/services/errors';
import { withDatabase } from '../database.ts';
import { ArgumentError, UsageError } from '../errors.ts';
import { cliPrincipal } from '../principal.ts';

async function withUsers<T>(body: (users: UserService) => Promise<T>): Promise<T> {
  return withDatabase(async (db) => {
    try {
      return await body(new UserService({ db, audit: new AuditService({ db }) }));
    } catch (e) {
      // A refusal is the user's to fix: one line, naming the option at fault.
      if (e instanceof ServiceError) {
        const where = e.field === 'password' ? 'password' : e.field ? `--${e.field}` : '';
        const message = where && !e.message.startsWith(e.field ?? '') ? `${where}: ${e.message}` : e.message;
        throw e.kind === 'invalid' && e.field !== 'password'
          ? new ArgumentError(message)
          : new UsageError(message);
      }
      throw e;
    }
  });
}

/** Reads a line from the terminal without echoing it (raw mode; backspace and Ctrl-C work). */
function promptHidden(question: string): Promise<string> {
  const { stdin, stderr } = process;
  stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let chars: string[] = [];
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(chars.join(''));
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new UsageError('cancelled; no user created'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') chars = chars.slice(0, -1);
        else chars.push(ch);
      }
    };
    stdin.on('data', onData);
  });
}

/** The new user's password: SONGNODES_PASSWORD, or typed twice at a terminal; never a default. */
async function newPassword(): Promise<string> {
  const fromEnv = process.env.SONGNODES_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY)
    throw new UsageError(
      'no password: set SONGNODES_PASSWORD, or run the command on a terminal to be asked for one',
    );
  const first = await promptHidden('Password (at least 10 characters): ');
  const second = await promptHidden('Password again: ');
  if (first !== second) throw new UsageError('the two passwords differ; no user created');
  return first;
}

const show = (u: UserView) =>
  `${String(u.id).padStart(5)}  ${u.email}  ${u.role}${u.disabledAt ? `  (disabled ${u.disabledAt.slice(0, 10)})` : ''}`;

export async function userCreateCommand(o: {
  email: string;
  role?: string;
  admin?: boolean;
  name?: string;
  json?: boolean;
}): Promise<void> {
  if (o.admin && o.role && o.role !== 'admin')
    throw new ArgumentError(`--admin and --role ${o.role} contradict each other; give one`);
  const role = o.admin ? 'admin' : (o.role ?? 'user');
  const password = await newPassword();
  const u = await withUsers((users) =>
    users.create(cliPrincipal(), { email: o.email, password, role, displayName: o.name ?? null }),
  );
  process.stdout.write(o.json ? `${JSON.stringify(u)}\n` : `created user ${u.id}: ${u.email} (${u.role})\n`);
}

export async function userListCommand(o: { json?: boolean }): Promise<void> {
  const all: UserView[] = [];
  await withUsers(async (users) => {
    let after: number | undefined;
    do {
      const page = await users.list(cliPrincipal(), { after, limit: 200 });
      all.push(...page.items);
      after = page.next ?? undefined;
    } while (after !== undefined);
  });
  if (o.json) process.stdout.write(`${JSON.stringify(all)}\n`);
  else if (all.length === 0)
    process.stdout.write('no users yet; create one with: songnodes user create --email E --admin\n');
  else process.stdout.write(`${all.map(show).join('\n')}\n`);
}

export async function userSetRoleCommand(email: string, role: string): Promise<void> {
  const u = await withUsers(async (users) => {
    const found = await users.findByEmail(cliPrincipal(), email);
    return users.update(cliPrincipal(), found.id, { role });
  });
  process.stdout.write(`${u.email} is now ${u.role}\n`);
}
