// Exports end to end on a running server: import tracklists over HTTP, export a set, a plan, a track
// list and the graph as jobs, download each file, and import every playlist export again through
// POST /imports: the new set must name the same tracks in the same order (round trip through our own
// importers and identity rules). GEXF and GraphML downloads validate against their published schemas
// when xmllint is there (CI installs it). Bad requests are 4xx problems naming the field.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { loadConfig, type Running, runRole } from '../src/index.ts';
import { CSRF } from './local-owner.ts';

// Names full of XML and CSV metacharacters, an unidentified entry, unknown BPM and key on some rows.
const FIRST = [
  'Position,Artist,Title,Version,BPM,Key,Length',
  '1,Daft Punk,Around the World,,121,4A,7:09',
  '2,A & B,"Less <Than> & ""Quoted"" \'Title\'",,,,',
  '3,ID,ID,,,,',
  '4,Röyksopp,Eple,Nox Remix,124,Am,6:12',
  '5,Kay Loom,"Sundial, Part 2",,,,',
  '',
].join('\n');
const SECOND = [
  'Position,Artist,Title,BPM',
  '1,Daft Punk,Around the World,121',
  '2,A & B,"Less <Than> & ""Quoted"" \'Title\'",',
  '3,Mira Vale,Tide,126',
  '',
].join('\n');

const schemas = join(import.meta.dirname, '../../services/test/exports-xsd');
const xmllint = spawnSync('xmllint', ['--version']).status === 0;

describe.skipIf(noServer)(`exports over HTTP (${engine})`, () => {
  let dir: string;
  let t: TestDatabase | undefined;
  let running: Running;
  const api = (path: string) => `${running.url}/api/v1${path}`;
  const json = async <T = Record<string, unknown>>(path: string, init?: RequestInit) => {
    const r = await fetch(api(path), init);
    return { status: r.status, body: (await r.json()) as T };
  };
  const post = (body: unknown) =>
    json('/exports', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CSRF },
      body: JSON.stringify(body),
    });
  // Generous: on CI this file shares two cores with three other projects, and a failed job throws at
  // once (with its message) rather than waiting this out.
  const until = async <T>(what: string, get: () => Promise<T | undefined>, ms = 30_000): Promise<T> => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const v = await get();
      if (v !== undefined) return v;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const importFile = async (body: string, filename: string, source: string): Promise<number> => {
    const r = await fetch(api(`/imports?filename=${encodeURIComponent(filename)}&source=${source}`), {
      method: 'POST',
      headers: CSRF,
      body,
    });
    expect(r.status).toBe(202);
    const { jobId } = (await r.json()) as { jobId: string };
    await until(`import ${filename}`, async () => {
      const j = await json<{ state: string; progress: { message?: string } }>(`/jobs/${jobId}`);
      if (j.body.state === 'failed') throw new Error(`import failed: ${j.body.progress.message}`);
      return j.body.state === 'completed' ? true : undefined;
    });
    const sets = await json<{ items: { id: number }[] }>(`/sets?source=${source}`);
    expect(sets.body.items).toHaveLength(1);
    return sets.body.items[0]!.id;
  };
  const trackIdsOf = async (setId: number) => {
    const s = await json<{ entries: { track: { id: number } | null }[] }>(`/sets/${setId}`);
    return s.body.entries.flatMap((e) => (e.track ? [e.track.id] : []));
  };
  /** Starts an export, waits for it, downloads it; returns the file and how long the job took. */
  const exported = async (request: Record<string, unknown>) => {
    const started = performance.now();
    const accepted = await post(request);
    expect(accepted.status).toBe(202);
    const { jobId, status, download, self } = accepted.body as Record<string, string>;
    expect(status).toBe('queued');
    expect(download).toBe(`/api/v1/exports/${jobId}/download`);
    const done = await until(`export ${jobId}`, async () => {
      const s = await fetch(`${running.url}${self}`);
      const b = (await s.json()) as { status: string; download: string | null; message?: string };
      if (b.status === 'failed') throw new Error(`export failed: ${b.message}`);
      return b.status === 'completed' ? b : undefined;
    });
    const ms = performance.now() - started;
    expect(done.download).toBe(download);
    const file = await fetch(`${running.url}${download}`);
    expect(file.status).toBe(200);
    return {
      text: await file.text(),
      type: file.headers.get('content-type') ?? '',
      disposition: file.headers.get('content-disposition') ?? '',
      ms,
      jobId,
    };
  };

  let firstSet: number;
  let firstTracks: number[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'songnodes-exports-'));
    if (engine === 'postgres') t = await testDatabase({ migrate: false });
    running = await runRole(
      'start',
      loadConfig({
        PORT: '0',
        SONGNODES_DATA_DIR: dir,
        SONGNODES_DEMO: 'false',
        LOG_LEVEL: 'silent',
        ...(t ? { DATABASE_URL: t.url } : {}),
      }),
    );
    firstSet = await importFile(FIRST, 'first.csv', 'first');
    await importFile(SECOND, 'second.csv', 'second');
    firstTracks = await trackIdsOf(firstSet);
  });
  afterAll(async () => {
    await running?.stop();
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const EXT = { m3u8: 'm3u8', rekordbox: 'xml', traktor: 'nml', csv: 'csv', json: 'json' } as const;
  const TYPES = {
    m3u8: 'audio/x-mpegurl',
    rekordbox: 'application/xml',
    traktor: 'application/xml',
    csv: 'text/csv',
    json: 'application/json',
  };

  for (const format of ['m3u8', 'rekordbox', 'traktor', 'csv', 'json'] as const) {
    it(`a set as ${format} imports back as the same tracks in the same order`, async () => {
      expect(firstTracks).toHaveLength(4); // the ID entry is not a track
      const file = await exported({ kind: 'set', format, setId: firstSet });
      expect(file.type).toContain(TYPES[format]);
      expect(file.disposition).toContain(`.${EXT[format]}"`);
      // Small exports are quick: the whole round (enqueue, the worker's 0.5 s poll, the job, status
      // polls) stays under two seconds even on a loaded machine.
      expect(file.ms).toBeLessThan(2000);
      const again = await importFile(file.text, `export.${EXT[format]}`, `again-${format}`);
      expect(await trackIdsOf(again)).toEqual(firstTracks);
      // The file sits in the data folder's exports folder, named by its job.
      expect(readdirSync(join(dir, 'exports'))).toContain(`${file.jobId}.${EXT[format]}`);
    });
  }

  it('a plan given inline, in its own order and with a repeat, round-trips through Rekordbox XML', async () => {
    const order = [firstTracks[3]!, firstTracks[0]!, firstTracks[3]!];
    const file = await exported({
      kind: 'plan',
      format: 'rekordbox',
      plan: { tracks: order, name: 'Ünder & <Over>' },
    });
    expect(file.disposition).toBe(
      `attachment; filename="_nder & _Over_.xml"; filename*=UTF-8''%C3%9Cnder%20%26%20_Over_.xml`,
    );
    expect(file.text).toContain('<COLLECTION Entries="2">');
    expect(file.text).toContain('Name="Ünder &amp; &lt;Over&gt;" Type="1" KeyType="0" Entries="3"');
    const again = await importFile(file.text, 'plan.xml', 'again-plan');
    expect(await trackIdsOf(again)).toEqual(order);
  });

  it('a saved plan (planId) round-trips through M3U8 in its order', async () => {
    const order = [firstTracks[2]!, firstTracks[1]!, firstTracks[0]!];
    const saved = await json<{ id: number }>('/plans', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CSRF },
      body: JSON.stringify({ name: 'Saved / backwards', tracks: order }),
    });
    expect(saved.status).toBe(201);
    const file = await exported({ kind: 'plan', format: 'm3u8', planId: saved.body.id });
    expect(file.text).toContain('#PLAYLIST:Saved / backwards');
    expect(file.disposition).toContain('filename="Saved _ backwards.m3u8"');
    const again = await importFile(file.text, 'saved.m3u8', 'again-saved-plan');
    expect(await trackIdsOf(again)).toEqual(order);
  });

  it('a list of tracks exports as Traktor NML with BPM and key where known', async () => {
    const file = await exported({ kind: 'tracks', format: 'traktor', tracks: firstTracks, name: 'Crate' });
    expect(file.text).toContain('<TEMPO BPM="121.000000"');
    expect(file.text).toContain('KEY="9m"'); // 4A in Open Key
    expect(file.text.match(/<TEMPO /g)).toHaveLength(2); // two of the four have a BPM
  });

  it('the graph as GEXF, GraphML, JSON and CSV: every transition, weights = counts', async () => {
    const stats = await json<{ transitions: number }>('/stats');
    const graphJson = JSON.parse((await exported({ kind: 'graph', format: 'json' })).text);
    expect(graphJson.edges).toHaveLength(stats.body.transitions);
    // Daft Punk → A & B: played in both imported sets and in every re-import above; the edge says so.
    const daft = String(firstTracks[0]);
    const ab = String(firstTracks[1]);
    const pair = await json<{ count: number; djs: number; sets: number }>(
      `/transitions?from=${daft}&to=${ab}`,
    );
    expect(pair.body.count).toBeGreaterThanOrEqual(2);
    const { count, djs, sets } = pair.body;
    expect(graphJson.edges).toContainEqual({
      source: daft,
      target: ab,
      attributes: { weight: count, djs, sets },
    });
    const csv = (await exported({ kind: 'graph', format: 'csv' })).text.trim().split('\r\n');
    expect(csv).toHaveLength(stats.body.transitions + 1);
    const gexf = await exported({ kind: 'graph', format: 'gexf' });
    expect(gexf.type).toContain('application/gexf+xml');
    expect(gexf.text).toContain(`source="${daft}" target="${ab}" weight="${count}"`);
    const strong = graphJson.edges.filter(
      (e: { attributes: { weight: number } }) => e.attributes.weight >= count,
    );
    const graphml = await exported({ kind: 'graph', format: 'graphml', filters: { minCount: count } });
    expect(graphml.text.match(/<edge /g)).toHaveLength(strong.length);
    if (xmllint || process.env.CI) {
      writeFileSync(join(dir, 'g.gexf'), gexf.text);
      writeFileSync(join(dir, 'g.graphml'), graphml.text);
      execFileSync(
        'xmllint',
        ['--noout', '--schema', join(schemas, 'gexf-1.3/gexf.xsd'), join(dir, 'g.gexf')],
        {
          stdio: 'pipe',
        },
      );
      execFileSync(
        'xmllint',
        ['--noout', '--schema', join(schemas, 'graphml-1.0/graphml.xsd'), join(dir, 'g.graphml')],
        { stdio: 'pipe' },
      );
    }
  });

  it('keeps files a day: the next export removes older ones, and their status says expired', async () => {
    const old = await exported({ kind: 'tracks', format: 'csv', tracks: [firstTracks[0]!] });
    const exportsDir = join(dir, 'exports');
    const oldFile = join(exportsDir, `${old.jobId}.csv`);
    const twoDaysAgo = new Date(Date.now() - 48 * 3600_000);
    utimesSync(oldFile, twoDaysAgo, twoDaysAgo);
    mkdirSync(exportsDir, { recursive: true });
    writeFileSync(join(exportsDir, 'crashed.csv.part'), 'half');
    utimesSync(join(exportsDir, 'crashed.csv.part'), twoDaysAgo, twoDaysAgo);
    const fresh = await exported({ kind: 'tracks', format: 'csv', tracks: [firstTracks[1]!] });
    const left = readdirSync(exportsDir);
    expect(left).toContain(`${fresh.jobId}.csv`);
    expect(left).not.toContain(`${old.jobId}.csv`);
    expect(left).not.toContain('crashed.csv.part');
    const status = await json(`/exports/${old.jobId}`);
    expect(status.body).toMatchObject({ status: 'expired', download: null });
    const gone = await json(`/exports/${old.jobId}/download`);
    expect(gone).toMatchObject({ status: 404, body: { field: 'jobId' } });
  });

  it('graph nodes carry artists, BPM, key, plays and the stored communities; unknown values stay null', async () => {
    const before = JSON.parse((await exported({ kind: 'graph', format: 'json' })).text);
    const eple = before.nodes.find((n: { key: string }) => n.key === String(firstTracks[2]));
    const track = await json<{ plays: number }>(`/tracks/${firstTracks[2]}`);
    expect(eple.attributes).toMatchObject({
      label: 'Röyksopp - Eple (Nox Remix)',
      artists: ['Röyksopp', 'Nox'],
      bpm: 124,
      key: '8A', // imported as Am
      plays: track.body.plays,
      community: null, // none computed yet
    });
    const ab = before.nodes.find((n: { key: string }) => n.key === String(firstTracks[1]));
    expect(ab.attributes).toMatchObject({ bpm: null, key: null, genre: null });
    // Once communities are computed, every node of the export has one.
    const job = await json<{ jobId: string }>('/graph/communities', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CSRF },
      body: JSON.stringify({ seed: 1 }),
    });
    expect(job.status).toBe(202);
    await until(
      'communities',
      async () => {
        const j = await json<{ state: string; progress: { message?: string } }>(`/jobs/${job.body.jobId}`);
        if (j.body.state === 'failed') throw new Error(`communities failed: ${j.body.progress.message}`);
        return j.body.state === 'completed' ? true : undefined;
      },
      90_000,
    );
    const after = JSON.parse((await exported({ kind: 'graph', format: 'json' })).text);
    expect(
      after.nodes.every((n: { attributes: { community: unknown } }) =>
        Number.isInteger(n.attributes.community),
      ),
    ).toBe(true);
  }, 120_000);

  it('refuses bad requests with a problem naming the field', async () => {
    const cases: [unknown, number, string][] = [
      [{ kind: 'graph', format: 'm3u8' }, 422, 'format'],
      [{ kind: 'set', format: 'gexf', setId: 1 }, 422, 'format'],
      [{ kind: 'set', format: 'csv' }, 422, 'setId'],
      [{ kind: 'set', format: 'csv', setId: 999_999 }, 404, 'setId'],
      [{ kind: 'plan', format: 'm3u8', planId: 999_999 }, 404, 'planId'],
      [{ kind: 'plan', format: 'm3u8', planId: 1, plan: { tracks: [firstTracks[0]] } }, 422, 'plan'],
      [{ kind: 'plan', format: 'm3u8' }, 422, 'plan'],
      [{ kind: 'tracks', format: 'csv', tracks: [firstTracks[0], 999_999] }, 422, 'tracks.1'],
      [{ kind: 'tracks', format: 'csv' }, 422, 'tracks'],
      [{ kind: 'graph', format: 'gexf', setId: 1 }, 422, 'setId'],
      [{ kind: 'graph', format: 'gexf', filters: { keys: ['H#'] } }, 422, 'filters.keys'],
      [{ kind: 'graph', format: 'gexf', filters: { bpmMin: 130, bpmMax: 120 } }, 422, 'filters.bpmMin'],
      [{ kind: 'album', format: 'csv' }, 400, 'kind'],
      [{ kind: 'tracks', format: 'csv', tracks: [0] }, 400, 'tracks.0'],
    ];
    for (const [body, status, field] of cases) {
      const r = await post(body);
      expect({ body, status: r.status, field: r.body.field }).toEqual({ body, status, field });
    }
    const unknown = await json('/exports/00000000-0000-4000-8000-000000000000');
    expect(unknown).toMatchObject({ status: 404, body: { field: 'jobId' } });
    const notAnId = await json('/exports/..%2F..%2Fetc');
    expect(notAnId.status).toBe(400);
    const dl = await json('/exports/00000000-0000-4000-8000-000000000000/download');
    expect(dl.status).toBe(404);
  });

  it('an import job is not an export: its id does not open a download', async () => {
    const r = await fetch(api('/imports?filename=x.txt&source=not-export'), {
      method: 'POST',
      headers: CSRF,
      body: 'A - B\nC - D\n',
    });
    const { jobId } = (await r.json()) as { jobId: string };
    expect((await json(`/exports/${jobId}/download`)).status).toBe(404);
    expect(existsSync(join(dir, 'exports'))).toBe(true);
  });
});
