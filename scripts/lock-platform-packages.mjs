// Keeps package-lock.json acceptable to `npm ci` on this project's registry.
//
// Why: the npm registry reachable from our machines lacks the other platforms' builds of packages
// that ship native binaries as optional dependencies (Biome: @biomejs/cli-darwin-arm64, …). `npm
// install` then leaves them out of the lock, and `npm ci` refuses a lock that misses any dependency.
// An entry gated by `os`/`cpu` is never fetched on another platform, so writing those entries back
// (version, os, cpu, libc) makes the lock complete without downloading anything.
//
// Usage: node scripts/lock-platform-packages.mjs   (after npm install; .ci/run runs it before npm ci)
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;
// `<name>-<os>-<cpu>[-musl|-gnu|-msvc]` as platform packages are named.
const PLATFORM =
  /-(android|darwin|linux|win32|freebsd|openbsd|sunos|aix)-(arm64|x64|ia32|arm|ppc64|s390x|riscv64|loong64)(?:-(musl|gnu|msvc|gnueabihf))?$/;

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const m = PLATFORM.exec(dep);
    if (!m) continue;
    const key = `node_modules/${dep}`;
    if (packages[key] || packages[`${path}/${key}`]) continue;
    const [, os, cpu, libc] = m;
    packages[key] = {
      version,
      cpu: [cpu],
      ...(entry.dev ? { dev: true } : {}),
      ...(libc === 'musl' || libc === 'gnu' ? { libc: [libc === 'gnu' ? 'glibc' : 'musl'] } : {}),
      optional: true,
      os: [os],
    };
    added++;
  }
}
if (added > 0) {
  lock.packages = Object.fromEntries(
    Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
  );
  writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
}
console.log(`package-lock.json: ${added} platform package entr${added === 1 ? 'y' : 'ies'} restored`);
