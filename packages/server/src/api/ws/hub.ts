// The WebSocket hub: clients, the rooms they joined, and the fan-out of bus events to them. One hub
// per process; events from other processes arrive through the bus (PostgreSQL NOTIFY), so a socket on
// any api process sees every job and graph change. Shared sessions keep the last write per field.
import { type DomainEvent, type EventBus, jobVisibleTo, type Principal } from '@songnodes/services';
import { Gauge, type Registry } from 'prom-client';
import type { WebSocket } from 'ws';
import { type ClientMessage, PROTOCOL_VERSION, type ProtocolError, parseClientMessage } from './protocol.ts';

export interface HubOptions {
  /** Ping every client this often; one that has not answered the previous ping is dropped. */
  heartbeatMs: number;
  /** A client whose unsent data would exceed this is disconnected (it is not reading). */
  maxBufferedBytes: number;
  /** How often the status room hears the system status. */
  statusMs: number;
  /** The system status for the status room and the graph version for graph subscribers. */
  status: () => { graphVersion: number | null } & Record<string, unknown>;
}

interface Client {
  socket: WebSocket;
  rooms: Set<string>;
  alive: boolean;
  /** Who opened the socket (the upgrade request's principal): a user's private upload is theirs to follow. */
  principal: Principal;
}

/** Ids and pairs listed per graph change message at most; a larger change says `truncated`. */
const MAX_LISTED = 1000;

export class SocketHub {
  private readonly clients = new Set<Client>();
  private readonly rooms = new Map<string, Set<Client>>();
  private readonly sessions = new Map<string, Map<string, { value: unknown; at: number }>>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly unsubscribe: () => void;
  private readonly bus: EventBus;
  private readonly o: HubOptions;
  /** Clients dropped for not reading (back-pressure) and for not answering pings, since start. */
  readonly dropped = { slow: 0, dead: 0 };

  /** Prometheus gauges of the hub (connections, rooms, drops), for the app's registry. */
  metrics(registry: Registry): void {
    const hub = this;
    new Gauge({
      name: 'songnodes_ws_connections',
      help: 'WebSocket clients connected to /ws',
      registers: [registry],
      collect() {
        this.set(hub.clients.size);
      },
    });
    new Gauge({
      name: 'songnodes_ws_dropped',
      help: 'WebSocket clients dropped since start, by reason (slow: not reading; dead: no pong)',
      labelNames: ['reason'],
      registers: [registry],
      collect() {
        this.set({ reason: 'slow' }, hub.dropped.slow);
        this.set({ reason: 'dead' }, hub.dropped.dead);
      },
    });
  }

  constructor(bus: EventBus, o: HubOptions) {
    this.bus = bus;
    this.o = o;
    this.unsubscribe = bus.subscribe((e) => this.onEvent(e));
    this.timers.push(setInterval(() => this.heartbeat(), o.heartbeatMs).unref());
    this.timers.push(setInterval(() => this.sendStatus(), o.statusMs).unref());
  }

  get connections(): number {
    return this.clients.size;
  }

  attach(socket: WebSocket, principal: Principal): void {
    const c: Client = { socket, rooms: new Set(), alive: true, principal };
    this.clients.add(c);
    socket.on('pong', () => {
      c.alive = true;
    });
    socket.on('message', (data) => this.onMessage(c, String(data)));
    socket.on('close', () => this.detach(c));
    socket.on('error', () => this.detach(c));
  }

  private detach(c: Client): void {
    this.clients.delete(c);
    for (const r of c.rooms) this.leave(c, r);
  }

  private leave(c: Client, room: string): void {
    c.rooms.delete(room);
    const members = this.rooms.get(room);
    members?.delete(c);
    if (members?.size === 0) this.rooms.delete(room);
  }

  private send(c: Client, message: object): void {
    this.sendEncoded(c, Buffer.from(JSON.stringify({ v: PROTOCOL_VERSION, ...message })));
  }

  /** `data`: a message's UTF-8 bytes, sent as a text frame; may be shared between clients (ws does not change it). */
  private sendEncoded(c: Client, data: Buffer): void {
    if (c.socket.bufferedAmount + data.length > this.o.maxBufferedBytes) {
      this.dropped.slow++;
      c.socket.close(1008, 'not reading: send buffer full');
      // A peer that does not read may not complete the close handshake either.
      c.socket.terminate();
      this.detach(c);
      return;
    }
    c.socket.send(data, { binary: false });
  }

  /**
   * The message is the same for every member: serialised and encoded once, not once per member (a
   * busy import's progress to 1,000 subscribers was 1,000 JSON.stringify calls and UTF-8 encodings
   * per message).
   */
  private broadcast(room: string, message: object, to: (c: Client) => boolean = () => true): void {
    const members = this.rooms.get(room);
    if (!members) return;
    let data: Buffer | undefined;
    // A member dropped for not reading leaves the set while it is walked: a Set allows that.
    for (const c of members) {
      if (!to(c)) continue;
      data ??= Buffer.from(JSON.stringify({ v: PROTOCOL_VERSION, room, ...message }));
      this.sendEncoded(c, data);
    }
  }

  private onMessage(c: Client, text: string): void {
    let m: ClientMessage;
    try {
      m = parseClientMessage(text);
    } catch (e) {
      const p = e as ProtocolError;
      this.send(c, {
        type: 'error',
        ...(p.id !== undefined ? { id: p.id } : {}),
        error: { type: 'bad-message', detail: p.message, ...(p.field ? { field: p.field } : {}) },
      });
      return;
    }
    if (m.type === 'ping') {
      this.send(c, { type: 'ack', id: m.id });
      return;
    }
    if (m.type === 'unsubscribe') {
      this.leave(c, m.room);
      this.send(c, { type: 'ack', id: m.id, room: m.room });
      return;
    }
    if (m.type === 'subscribe') {
      c.rooms.add(m.room);
      let members = this.rooms.get(m.room);
      if (!members) {
        members = new Set();
        this.rooms.set(m.room, members);
      }
      members.add(c);
      const extra: Record<string, unknown> = {};
      if (m.room === 'graph') {
        const version = this.o.status().graphVersion;
        extra.version = version;
        // Deltas are not kept: a client behind the current version reloads what it shows.
        if (m.since !== undefined && version !== null && m.since < version) extra.resync = true;
      }
      if (m.room.startsWith('session:')) extra.state = this.sessionState(m.room.slice(8));
      this.send(c, { type: 'ack', id: m.id, room: m.room, ...extra });
      return;
    }
    // session.update: to every member in every process, through the bus.
    const at = Date.now();
    this.bus.publish({ type: 'session.update', session: m.room.slice(8), fields: m.fields, at });
    this.send(c, { type: 'ack', id: m.id, room: m.room });
  }

  private sessionState(session: string): Record<string, unknown> {
    const s = this.sessions.get(session);
    return s ? Object.fromEntries([...s].map(([k, v]) => [k, v.value])) : {};
  }

  private onEvent(e: DomainEvent): void {
    if (e.type === 'graph.changed') {
      if (!this.rooms.has('graph')) return;
      this.broadcast('graph', {
        type: 'graph.changed',
        version: this.o.status().graphVersion,
        cause: e.cause,
        newTracks: e.newTrackIds.length,
        changedTransitions: e.changedPairs.length,
        trackIds: e.newTrackIds.slice(0, MAX_LISTED),
        pairs: e.changedPairs.slice(0, MAX_LISTED),
        ...(e.newTrackIds.length > MAX_LISTED || e.changedPairs.length > MAX_LISTED
          ? { truncated: true }
          : {}),
      });
    } else if (e.type === 'job.progress') {
      const to = (c: Client) => jobVisibleTo(e.job, c.principal);
      this.broadcast(`job:${e.job.jobId}`, { type: 'job.progress', job: e.job }, to);
      if (e.job.queue.startsWith('ingest'))
        this.broadcast(`import:${e.job.jobId}`, { type: 'job.progress', job: e.job }, to);
    } else if (e.type === 'session.update') {
      let s = this.sessions.get(e.session);
      if (!s) {
        s = new Map();
        this.sessions.set(e.session, s);
      }
      const applied: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(e.fields)) {
        const old = s.get(k);
        // Last writer wins per field, by the writer's clock; ties keep what is there.
        if (!old || e.at > old.at) {
          s.set(k, { value: v, at: e.at });
          applied[k] = v;
        }
      }
      if (Object.keys(applied).length > 0)
        this.broadcast(`session:${e.session}`, { type: 'session.update', fields: applied, at: e.at });
    }
  }

  private heartbeat(): void {
    for (const c of this.clients) {
      if (!c.alive) {
        this.dropped.dead++;
        c.socket.terminate();
        this.detach(c);
        continue;
      }
      c.alive = false;
      c.socket.ping();
    }
  }

  private sendStatus(): void {
    if (!this.rooms.has('status')) return;
    this.broadcast('status', { type: 'status', ...this.o.status(), connections: this.clients.size });
  }

  close(): void {
    this.unsubscribe();
    for (const t of this.timers) clearInterval(t);
    for (const c of this.clients) c.socket.terminate();
    this.clients.clear();
    this.rooms.clear();
  }
}
