import { describe, expect, it } from 'vitest';
import { sameSiteCover } from './coverUrl';

describe('sameSiteCover', () => {
  it('loads covers the site serves itself', () => {
    expect(sameSiteCover('/covers/b-1.svg')).toBe('/covers/b-1.svg');
  });

  it('shows the placeholder for anything another site would serve', () => {
    expect(sameSiteCover('https://images.example.com/b-1.jpg')).toBeNull();
    expect(sameSiteCover('//images.example.com/b-1.jpg')).toBeNull(); // protocol-relative: another host
    expect(sameSiteCover('covers/b-1.svg')).toBeNull();
    expect(sameSiteCover('')).toBeNull();
  });
});
