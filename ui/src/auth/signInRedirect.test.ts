import { describe, expect, it } from 'vitest';
import { safeNext, signInPath } from './signInRedirect';

describe('sign-in redirect', () => {
  it('carries where to come back to, and the e-mail when there is one, URL-encoded', () => {
    expect(signInPath('/orders?page=2')).toBe('/signin?next=%2Forders%3Fpage%3D2');
    expect(signInPath('/cart', 'a+b@example.com')).toBe('/signin?next=%2Fcart&email=a%2Bb%40example.com');
    expect(signInPath('/cart', '')).toBe('/signin?next=%2Fcart');
  });

  it('comes back only to a path of this site', () => {
    expect(safeNext('/orders')).toBe('/orders');
    for (const elsewhere of [null, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'orders']) {
      expect(safeNext(elsewhere)).toBe('/');
    }
  });
});
