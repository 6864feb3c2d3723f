import { afterEach, describe, expect, it, vi } from 'vitest';
import { book, cartOf } from '../test/apiFixtures';
import { cartFingerprint, completeAttempt, idempotencyKeyFor, newIdempotencyKey } from './checkoutAttempt';

// Only the book and the quantity identify a purchase; the carts are built as the API sends them.
const cart = (...lines: [string, number][]) => cartOf(lines.map(([id, quantity]) => ({ book: book(id), quantity })));

describe('checkout attempts', () => {
  afterEach(() => {
    sessionStorage.clear();
    vi.unstubAllGlobals();
  });

  it('fingerprints a cart by shopper, books and quantities, whatever the line order', () => {
    expect(cartFingerprint('ann', cart(['b1', 1], ['b2', 2]))).toBe('ann|b1x1,b2x2');
    expect(cartFingerprint('ann', cart(['b2', 2], ['b1', 1]))).toBe(cartFingerprint('ann', cart(['b1', 1], ['b2', 2])));
    expect(cartFingerprint('ann', cart(['b1', 2]))).not.toBe(cartFingerprint('ann', cart(['b1', 1])));
    expect(cartFingerprint('bob', cart(['b1', 1]))).not.toBe(cartFingerprint('ann', cart(['b1', 1])));
  });

  it('keeps one key per cart until the order is confirmed, and a new cart gets a new key', () => {
    const first = idempotencyKeyFor(sessionStorage, 'ann|b1x1');
    expect(idempotencyKeyFor(sessionStorage, 'ann|b1x1')).toBe(first);

    const changed = idempotencyKeyFor(sessionStorage, 'ann|b1x2');
    expect(changed).not.toBe(first);

    completeAttempt(sessionStorage);
    expect(sessionStorage.getItem('bookstore.checkoutAttempt')).toBeNull();
    expect(idempotencyKeyFor(sessionStorage, 'ann|b1x2')).not.toBe(changed);
  });

  it('starts a new attempt when the stored one is unreadable', () => {
    sessionStorage.setItem('bookstore.checkoutAttempt', '{not json');

    const key = idempotencyKeyFor(sessionStorage, 'ann|b1x1');

    expect(key).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(JSON.parse(sessionStorage.getItem('bookstore.checkoutAttempt') ?? '')).toEqual({ fingerprint: 'ann|b1x1', key });
  });

  it('makes 128 random bits without randomUUID (a page served over plain http), two hex digits per byte', () => {
    vi.stubGlobal('crypto', { getRandomValues: (bytes: Uint8Array) => bytes.fill(171) });
    expect(newIdempotencyKey()).toBe('ab'.repeat(16));

    vi.stubGlobal('crypto', { getRandomValues: (bytes: Uint8Array) => bytes.fill(5) });
    expect(newIdempotencyKey()).toBe('05'.repeat(16));
  });

  it('uses the browser\'s UUID where it has one', () => {
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
