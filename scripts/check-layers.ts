// Enforces the package layering of docs/ARCHITECTURE.md ("Modules and layers"): a package may import
// only the packages listed for it below, so imports point one way (down). Run by `npm run lint`.
// Checks every import in each package's src/ and the dependencies in its package.json; a package's
// scripts/ (profiling and generation tools, not shipped code) may also use the generator.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Each package and the packages it may use. Keep in step with docs/ARCHITECTURE.md. */
export const LAYERS: Record<string, string[]> = {
  core: [],
  importers: ['core'],
  graph: ['core'],
  db: ['core', 'graph'],
  jobs: ['db'],
  ingest: ['core', 'importers', 'db', 'jobs'],
  scrapers: ['core', 'importers', 'db', 'jobs', 'ingest'],
  generator: ['core'],
  bench: ['core', 'importers', 'db', 'ingest', 'graph', 'jobs', 'generator'],
  services: ['core', 'importers', 'graph', 'db', 'jobs', 'ingest', 'scrapers'],
  // server → generator: the demo data loaded on first start.
  server: ['core', 'importers', 'graph', 'db', 'jobs', 'ingest', 'scrapers', 'services', 'generator'],
  cli: ['core', 'importers', 'graph', 'db', 'jobs', 'ingest', 'scrapers', 'services', 'server', 'generator'],
  // The web app talks HTTP through the generated client; core's pure parsing runs in the browser too (parse preview).
  web: ['core'],
};

const root = new URL('..', import.meta.url).pathname;
const files = (dir: string): string[] => {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out = out.concat(files(p));
    else if (/\.(ts|tsx|mts)$/.test(n)) out.push(p);
  }
  return out;
};

const problems: string[] = [];
for (const pkg of readdirSync(join(root, 'packages'))) {
  const allowed = LAYERS[pkg];
  if (!allowed) {
    problems.push(`packages/${pkg}: not in the layering table of scripts/check-layers.ts`);
    continue;
  }
  const ok = (dep: string) => dep === pkg || allowed.includes(dep);
  const manifest = JSON.parse(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8'));
  for (const dep of Object.keys(manifest.dependencies ?? {}))
    if (dep.startsWith('@songnodes/') && !ok(dep.slice(11)))
      problems.push(`packages/${pkg}/package.json depends on ${dep}, which ${pkg} may not use`);
  const check = (dir: string, extra: string[]) => {
    for (const file of files(join(root, 'packages', pkg, dir))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'@songnodes\/([a-z-]+)/g))
        if (!ok(m[1]!) && !extra.includes(m[1]!))
          problems.push(`${file.slice(root.length)} imports @songnodes/${m[1]}, which ${pkg} may not use`);
    }
  };
  check('src', []);
  check('scripts', ['generator']);
}
if (problems.length > 0) {
  console.error(`package layering (docs/ARCHITECTURE.md) broken:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`package layering: ${Object.keys(LAYERS).length} packages, imports point one way`);
