import { Readable } from 'node:stream';
import { ServiceError } from '@songnodes/services';
import { describe, expect, it } from 'vitest';
import { nulAt } from '../src/api/plugin.ts';
import { problemOf } from '../src/api/problem.ts';

describe('problem+json', () => {
  it('maps each kind of service refusal to its status, keeping the field', () => {
    expect(problemOf(new ServiceError('invalid', 'bad key', { field: 'keys' }), 'r1')).toMatchObject({
      status: 422,
      field: 'keys',
      detail: 'bad key',
      requestId: 'r1',
    });
    expect(problemOf(new ServiceError('not_found', 'no track 9'), 'r').status).toBe(404);
    expect(problemOf(new ServiceError('conflict', 'two match', { details: [1, 2] }), 'r')).toMatchObject({
      status: 409,
      candidates: [1, 2],
    });
    expect(problemOf(new ServiceError('not_ready', 'later'), 'r').status).toBe(503);
  });

  it('names the parameter of a schema validation error', () => {
    const e = Object.assign(new Error('querystring/hops must be <= 3'), {
      validation: [{ instancePath: '/hops', message: 'must be <= 3', params: {} }],
      validationContext: 'querystring',
    });
    expect(problemOf(e, 'r')).toMatchObject({
      status: 400,
      field: 'hops',
      detail: 'query parameter hops must be <= 3',
    });
    const missing = Object.assign(new Error('x'), {
      validation: [
        {
          instancePath: '',
          message: "must have required property 'from'",
          params: { missingProperty: 'from' },
        },
      ],
      validationContext: 'body',
    });
    expect(problemOf(missing, 'r')).toMatchObject({ field: 'from' });
  });

  it('says nothing of a bug but its request id', () => {
    const p = problemOf(new Error('secret internals at /srv/x.ts:12'), 'req-7');
    expect(p.status).toBe(500);
    expect(JSON.stringify(p)).not.toMatch(/secret|x\.ts/);
    expect(p.detail).toMatch(/req-7/);
  });

  it('finds NUL characters in parsed input but never walks a stream body', () => {
    expect(nulAt({ a: ['ok', { b: 'x\u0000' }] })).toBe('a.1.b');
    expect(nulAt({ a: 'fine' })).toBeNull();
    expect(nulAt('x\u0000')).toBe('');
    expect(nulAt(Readable.from(['x\u0000']))).toBeNull();
  });
});
