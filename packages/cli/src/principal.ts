// Who a CLI command acts as: SYSTEM (whoever can run the command can read the database anyway), named
// after the person at the terminal, so merges, role changes and the like name them in the audit log.
import { userInfo } from 'node:os';
import { type Principal, SYSTEM } from '@songnodes/services/auth/access';

export const cliPrincipal = (): Principal => ({ ...SYSTEM, label: `cli:${userInfo().username}` });
