// The WebSocket protocol, version 1. Every message is a JSON object `{ v: 1, type, … }`.
//
// Client → server (each answered by `ack` or `error` carrying the client's `id`):
//   { v, id, type: 'subscribe',   room, since? }   rooms: graph | status | job:{id} | import:{id} | session:{id}
//   { v, id, type: 'unsubscribe', room }
//   { v, id, type: 'session.update', room: 'session:{id}', fields: { selection?, plan?, … } }
//   { v, id, type: 'ping' }
// Server → client:
//   { v, type: 'ack', id, room? , state? }          state: a session's fields on subscribe
//   { v, type: 'error', id?, error: { type, detail, field? } }
//   { v, type: 'graph.changed', room: 'graph', version, newTracks, changedTransitions, cause, trackIds, pairs }
//   { v, type: 'job.progress', room: 'job:{id}' | 'import:{id}', job }
//   { v, type: 'status', room: 'status', graph, connections }
//   { v, type: 'session.update', room: 'session:{id}', fields, at }
export const PROTOCOL_VERSION = 1;

export type ClientMessage =
  | { v: 1; id: string | number; type: 'subscribe'; room: string; since?: number }
  | { v: 1; id: string | number; type: 'unsubscribe'; room: string }
  | { v: 1; id: string | number; type: 'session.update'; room: string; fields: Record<string, unknown> }
  | { v: 1; id: string | number; type: 'ping' };

export class ProtocolError extends Error {
  readonly field?: string;
  readonly id?: string | number;
  constructor(message: string, o: { field?: string; id?: string | number } = {}) {
    super(message);
    this.field = o.field;
    this.id = o.id;
  }
}

const ROOM = /^(graph|status|(job|import|session):[A-Za-z0-9_.:-]{1,100})$/;
export const MAX_MESSAGE_BYTES = 64 * 1024;

/** Reads one client message, or throws a ProtocolError saying what is wrong with it. */
export function parseClientMessage(text: string): ClientMessage {
  if (text.length > MAX_MESSAGE_BYTES)
    throw new ProtocolError(`message longer than ${MAX_MESSAGE_BYTES} bytes`);
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    throw new ProtocolError('not JSON');
  }
  if (typeof m !== 'object' || m === null || Array.isArray(m))
    throw new ProtocolError('a message is a JSON object');
  const o = m as Record<string, unknown>;
  const id = typeof o.id === 'string' || typeof o.id === 'number' ? o.id : undefined;
  if (o.v !== PROTOCOL_VERSION)
    throw new ProtocolError(`protocol version ${JSON.stringify(o.v)} is not spoken here (v: 1)`, {
      field: 'v',
      id,
    });
  if (id === undefined)
    throw new ProtocolError('every message needs an id (string or number)', { field: 'id' });
  if (o.type === 'ping') return { v: 1, id, type: 'ping' };
  if (typeof o.room !== 'string' || !ROOM.test(o.room))
    throw new ProtocolError('room must be graph, status, job:{id}, import:{id} or session:{id}', {
      field: 'room',
      id,
    });
  const room = o.room;
  if (o.type === 'subscribe') {
    if (o.since !== undefined && (typeof o.since !== 'number' || !Number.isInteger(o.since) || o.since < 0))
      throw new ProtocolError('since must be a graph version (a whole number)', { field: 'since', id });
    return { v: 1, id, type: 'subscribe', room, since: o.since as number | undefined };
  }
  if (o.type === 'unsubscribe') return { v: 1, id, type: 'unsubscribe', room };
  if (o.type === 'session.update') {
    if (!room.startsWith('session:'))
      throw new ProtocolError('session.update goes to a session:{id} room', { field: 'room', id });
    if (typeof o.fields !== 'object' || o.fields === null || Array.isArray(o.fields))
      throw new ProtocolError('fields must be an object of the session fields to set', {
        field: 'fields',
        id,
      });
    return { v: 1, id, type: 'session.update', room, fields: o.fields as Record<string, unknown> };
  }
  throw new ProtocolError(`unknown message type ${JSON.stringify(o.type)}`, { field: 'type', id });
}
