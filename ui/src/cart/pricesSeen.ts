import type { CartItem } from '../api/apiSlice';

// The API prices a cart from the catalogue every time it is read, so a shopper may find a book costs
// more (or less) than when they added it. The storefront remembers the price it showed at "Add to
// cart" and, where the cart's current price differs, says so: the cart and the order use the new one.
const STORAGE_KEY = 'bookstore.pricesSeen';

type PricesSeen = Record<string, number>;

function read(storage: Storage): PricesSeen {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as PricesSeen) : {};
  } catch {
    return {};
  }
}

/** Called when a book goes into the cart at the price the page showed. */
export function rememberPriceSeen(storage: Storage, bookId: string, price: number): void {
  storage.setItem(STORAGE_KEY, JSON.stringify({ ...read(storage), [bookId]: price }));
}

export interface PriceChange {
  bookId: string;
  name: string;
  was: number;
  now: number;
}

/** The lines whose current unit price differs from the price the shopper was shown when adding them. */
export function priceChanges(storage: Storage, items: CartItem[]): PriceChange[] {
  const seen = read(storage);
  return items.flatMap((item) => {
    const was = seen[item.bookId];
    if (was === undefined || item.unitPrice === null || item.book === null || was === item.unitPrice) return [];
    return [{ bookId: item.bookId, name: item.book.name, was, now: item.unitPrice }];
  });
}

/** After an order or a removal the remembered prices of those books no longer matter. */
export function forgetPricesSeen(storage: Storage, bookIds: string[]): void {
  const seen = read(storage);
  for (const id of bookIds) delete seen[id];
  storage.setItem(STORAGE_KEY, JSON.stringify(seen));
}
