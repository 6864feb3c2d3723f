import { describe, expect, it } from 'vitest';
import { sameSiteCover, toApiError, toBestSellers, toCart, toOrders, toTimestamp } from './apiSlice';

describe('API wire format mapping', () => {
  it('accepts only same-site cover paths', () => {
    expect(sameSiteCover('/covers/b-1.svg')).toBe('/covers/b-1.svg');
    expect(sameSiteCover('https://cdn.example.com/b-1.svg')).toBeNull();
    expect(sameSiteCover('//cdn.example.com/b-1.svg')).toBeNull();
    expect(sameSiteCover(undefined)).toBeNull();
  });

  it('reads cart lines flat or with a nested book, and keeps the server total', () => {
    const cart = toCart({
      items: [
        { bookId: 'b-1', quantity: 2, price: 20.99, name: 'Spaghetti', lineTotal: 41.98 },
        { book: { id: 'b-2', name: 'Matcha', author: 'Stuart Hessel', price: '22.96' }, quantity: 1 },
      ],
      total: 64.94,
    });
    expect(cart.lines).toEqual([
      { bookId: 'b-1', quantity: 2, price: 20.99, name: 'Spaghetti', author: null, cover: null, lineTotal: 41.98 },
      { bookId: 'b-2', quantity: 1, price: 22.96, name: 'Matcha', author: 'Stuart Hessel', cover: null, lineTotal: null },
    ]);
    expect(cart.total).toBe(64.94);
  });

  it('reads timestamps as ISO 8601, epoch seconds or epoch milliseconds', () => {
    const instant = Date.parse('2026-11-27T10:00:00Z');
    expect(toTimestamp('2026-11-27T10:00:00Z')).toBe(instant);
    expect(toTimestamp(instant / 1000)).toBe(instant);
    expect(toTimestamp(instant)).toBe(instant);
  });

  it('sorts orders newest first', () => {
    const orders = toOrders({ items: [{ orderId: 'a', createdAt: 1 }, { orderId: 'b', createdAt: 3 }, { orderId: 'c', createdAt: 2 }] });
    expect(orders.map((o) => o.orderId)).toEqual(['b', 'c', 'a']);
  });

  it('treats a missing stale flag as fresh figures', () => {
    expect(toBestSellers({ items: [] }).stale).toBe(false);
  });

  it('maps error bodies to the kinds the pages explain', () => {
    expect(toApiError(503, { error: 'unavailable', message: 'failover' })).toEqual({ kind: 'unavailable', message: 'failover' });
    expect(toApiError(422, { error: 'quantity_out_of_range', message: 'quantity must be 1..99' })).toEqual({
      kind: 'http',
      status: 422,
      code: 'quantity_out_of_range',
      message: 'quantity must be 1..99',
    });
    expect(toApiError(404, null).kind).toBe('notFound');
  });
});
