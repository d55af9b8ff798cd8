#!/usr/bin/env node
// The package bin. SongNodes runs its TypeScript sources directly (Node's type stripping),
// which needs Node >= 22.18; say so plainly instead of failing on a syntax error.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`songnodes needs Node.js 22.18 or newer (24 recommended); this is ${process.versions.node}.`);
  process.exit(1);
}
await import('../src/main.ts');
