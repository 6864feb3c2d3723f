import type { Cart } from '../api/apiSlice';

// One checkout attempt = one Idempotency-Key. The key is kept in sessionStorage together with the
// cart it was made for, so a retry after a network error, a double click or a reload of the
// checkout page sends the same key and the server answers with the order it already wrote. A
// different cart (or shopper) is a different purchase and gets a new key.
const STORAGE_KEY = 'bookstore.checkoutAttempt';

interface StoredAttempt {
  fingerprint: string;
  key: string;
}

export function cartFingerprint(shopper: string, cart: Cart): string {
  const lines = cart.items
    .map((line) => `${line.bookId}x${line.quantity}`)
    .sort()
    .join(',');
  return `${shopper}|${lines}`;
}

export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; plain-http test hosts still get 128 random bits.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function read(storage: Storage): StoredAttempt | null {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as StoredAttempt) : null;
  } catch {
    return null;
  }
}

/** The key of the attempt for this cart: the stored one if it is for the same cart, else a new one. */
export function idempotencyKeyFor(storage: Storage, fingerprint: string): string {
  const stored = read(storage);
  if (stored && stored.fingerprint === fingerprint) return stored.key;
  const attempt: StoredAttempt = { fingerprint, key: newIdempotencyKey() };
  storage.setItem(STORAGE_KEY, JSON.stringify(attempt));
  return attempt.key;
}

/** Called once the server confirmed the order: the next purchase is a new attempt. */
export function completeAttempt(storage: Storage): void {
  storage.removeItem(STORAGE_KEY);
}
