// Generates a ~200 MB Rekordbox XML in a temp folder (in a child process, so that its memory does
// not count), imports it with readSets, and reports the time and the peak RSS of the import process.
// Usage: node packages/importers/scripts/big-rekordbox.ts [tracks]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSets } from '../src/index.ts';
import { writeRekordboxXml } from './rekordbox-generator.ts';

if (process.argv[2] === '--generate') {
  await writeRekordboxXml(process.argv[3]!, {
    tracks: Number(process.argv[4]),
    playlists: 200,
    tracksPerPlaylist: 60,
  });
  process.exit(0);
}

const tracks = Number(process.argv[2] ?? 160_000);
const dir = mkdtempSync(join(tmpdir(), 'songnodes-big-rekordbox-'));
const path = join(dir, 'library.xml');
try {
  execFileSync(process.execPath, [import.meta.filename, '--generate', path, String(tracks)], {
    stdio: 'inherit',
  });
  const size = statSync(path).size;
  const start = performance.now();
  const baseline = process.memoryUsage().rss;
  let sets = 0;
  let entries = 0;
  for await (const item of readSets(path)) {
    if ('entries' in item) {
      sets++;
      entries += item.entries.length;
    }
  }
  // maxRSS is this process's peak: it covers the collection pass too, not only the moments sets arrive.
  const peak = process.resourceUsage().maxRSS * 1024;
  const seconds = (performance.now() - start) / 1000;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
  console.log(
    `file ${mb(size)} MB, ${tracks} tracks: ${sets} sets, ${entries} entries in ${seconds.toFixed(1)} s ` +
      `(${(size / 1024 / 1024 / seconds).toFixed(0)} MB/s); RSS baseline ${mb(baseline)} MB, peak ${mb(peak)} MB`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
