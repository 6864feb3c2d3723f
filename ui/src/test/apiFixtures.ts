// Answers of the bookstore API for tests, typed by the generated wire types (src/api/openapi.ts) and
// checked at run time against openapi.yaml by the fake backend. Totals are computed in cents, as the
// API's BigDecimal arithmetic would give them, unless a test overrides one on purpose.
import type { BestSellers, Book, Cart, Order } from '../api/apiSlice';

export function book(id: string, overrides: Partial<Book> = {}): Book {
  return {
    id,
    name: `Book ${id}`,
    author: 'Richard Labadie',
    category: 'Cookbooks',
    price: 20.99,
    rating: 4,
    cover: `/covers/${id}.svg`,
    ...overrides,
  };
}

const cents = (amount: number) => Math.round(amount * 100);
const amount = (centsValue: number) => centsValue / 100;

/** A cart priced from the catalogue: each line's unit price is its book's price. */
export function cartOf(lines: { book: Book; quantity: number }[], total?: number): Cart {
  const items = lines.map(({ book: item, quantity }) => ({
    bookId: item.id,
    quantity,
    unitPrice: item.price,
    lineTotal: amount(cents(item.price) * quantity),
    book: item,
  }));
  return {
    items,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    total: total ?? amount(items.reduce((sum, line) => sum + cents(line.lineTotal), 0)),
  };
}

/** An order id as the API derives it (ord- and 32 hex digits); `seed` makes it readable in assertions. */
export function orderId(seed: string): string {
  const hex = Array.from(seed, (character) => character.charCodeAt(0).toString(16)).join('');
  return `ord-${hex.padEnd(32, '0').slice(0, 32)}`;
}

/** The order the API writes for a cart. */
export function orderOf(id: string, cart: Cart, createdAt = '2026-11-27T10:15:00.000000Z'): Order {
  return {
    orderId: id,
    createdAt,
    status: 'PLACED',
    items: cart.items.map((line) => ({
      bookId: line.bookId,
      name: line.book?.name ?? line.bookId,
      author: line.book?.author ?? '',
      quantity: line.quantity,
      unitPrice: line.unitPrice ?? 0,
      lineTotal: line.lineTotal ?? 0,
    })),
    itemCount: cart.itemCount,
    total: cart.total,
    region: 'eu-west-1',
  };
}

/** The board the API serves; `sold: null` on every entry is the top-rated fallback (Redis down). */
export function bestSellers(entries: { book: Book; sold: number | null }[], stale = false): BestSellers {
  return { items: entries, stale };
}
