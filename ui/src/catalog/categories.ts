import type { MessageKey } from '../i18n/i18n';

// The catalogue's seven categories (shared/data/books.json). The API filters by the exact name;
// the URL uses a readable slug.
export const CATEGORIES = [
  'Cars',
  'Cookbooks',
  'Database',
  'Fairy Tales',
  'Home Improvement',
  'Science Fiction',
  'Woodwork',
] as const;

export type Category = (typeof CATEGORIES)[number];

export const categorySlug = (category: string): string => category.toLowerCase().replace(/\s+/g, '-');

export const categoryFromSlug = (slug: string | undefined): Category | null =>
  CATEGORIES.find((category) => categorySlug(category) === slug) ?? null;

export const categoryLabelKey = (category: Category): MessageKey => `category.${category}`;

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}
