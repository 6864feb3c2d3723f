import { describe, expect, it } from 'vitest';
import { placedAt, toApiError } from './apiSlice';

describe('API conversions', () => {
  it('reads the order time exactly as the API writes it (UTC, microseconds)', () => {
    expect(placedAt({ createdAt: '2026-11-27T20:00:00.123456Z' }).toISOString()).toBe('2026-11-27T20:00:00.123Z');
  });

  it('maps error bodies to the kinds the pages explain', () => {
    expect(toApiError(503, { error: 'unavailable', message: 'failover' })).toEqual({ kind: 'unavailable', message: 'failover' });
    expect(toApiError(422, { error: 'quantity_out_of_range', message: 'quantity must be 1..99' })).toEqual({
      kind: 'http',
      status: 422,
      code: 'quantity_out_of_range',
      message: 'quantity must be 1..99',
    });
    expect(toApiError(401, { message: 'Unauthorized' })).toEqual({ kind: 'unauthorized', message: 'Unauthorized' });
    expect(toApiError(403, { message: 'Forbidden' })).toEqual({ kind: 'unauthorized', message: 'Forbidden' });
    expect(toApiError(404, { error: 'not_found', message: 'no such book' })).toEqual({ kind: 'notFound', message: 'no such book' });
    expect(toApiError(502, null)).toEqual({ kind: 'http', status: 502, code: 'error', message: 'HTTP 502' });
  });
});
