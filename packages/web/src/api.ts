// Typed access to the server's JSON endpoints. One place, so the later app pages share it.

export interface Stats {
  tracks: number;
  artists: number;
  sets: number;
  setEntries: number;
  transitions: number;
}

export interface ReadyCheck {
  name: string;
  ok: boolean;
  detail?: string;
}

export interface Readiness {
  status: 'ready' | 'not_ready';
  checks: ReadyCheck[];
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  // /health/ready answers 503 with a JSON body naming the failing check: still worth reading.
  if (!res.ok && res.status !== 503) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

export const fetchStats = () => getJson<Stats>('/api/v1/stats');
export const fetchReadiness = () => getJson<Readiness>('/health/ready');
