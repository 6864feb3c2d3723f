import { describe, expect, it } from 'vitest';
import { CATEGORIES, categoryFromSlug, categoryLabelKey, categorySlug, isCategory } from './categories';

describe('categories', () => {
  it('round-trips every category through its slug', () => {
    for (const category of CATEGORIES) {
      expect(categorySlug(category)).toMatch(/^[a-z-]+$/);
      expect(categoryFromSlug(categorySlug(category))).toBe(category);
    }
    expect(categorySlug('Science  Fiction')).toBe('science-fiction');
  });

  it('knows only its own categories', () => {
    expect(isCategory('Cookbooks')).toBe(true);
    expect(isCategory('cookbooks')).toBe(false);
    expect(categoryFromSlug('poetry')).toBeNull();
    expect(categoryFromSlug(undefined)).toBeNull();
    expect(categoryLabelKey('Cookbooks')).toBe('category.Cookbooks');
  });
});
