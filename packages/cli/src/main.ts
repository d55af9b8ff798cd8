// The `songnodes` command: one program, several roles and tools. See README.md for the full list and
// program.ts for why each command loads its own modules.
import { buildProgram } from './program.ts';

await buildProgram().parseAsync(process.argv);
