import { describe, expect, it } from 'vitest';
import { sameSiteCover } from '../catalog/coverUrl';
import { placedAt, toApiError } from './apiSlice';

describe('API conversions', () => {
  it('accepts only same-site cover paths', () => {
    expect(sameSiteCover('/covers/b-1.svg')).toBe('/covers/b-1.svg');
    expect(sameSiteCover('https://cdn.example.com/b-1.svg')).toBeNull();
    expect(sameSiteCover('//cdn.example.com/b-1.svg')).toBeNull();
  });

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
    expect(toApiError(502, null)).toEqual({ kind: 'http', status: 502, code: 'error', message: 'HTTP 502' });
  });
});
