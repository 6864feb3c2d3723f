import { describe, expect, it } from 'vitest';
import { book, cartOf } from '../test/apiFixtures';
import { forgetPricesSeen, priceChanges, rememberPriceSeen } from './pricesSeen';

const KEY = 'bookstore.pricesSeen';

describe('prices seen', () => {
  it('remembers the price shown per book, the latest one winning', () => {
    rememberPriceSeen(localStorage, 'b1', 10);
    rememberPriceSeen(localStorage, 'b2', 20);
    rememberPriceSeen(localStorage, 'b1', 11);
    expect(JSON.parse(localStorage.getItem(KEY) ?? '')).toEqual({ b1: 11, b2: 20 });
  });

  it('names only lines whose current price differs from the one shown', () => {
    rememberPriceSeen(localStorage, 'up', 10);
    rememberPriceSeen(localStorage, 'same', 20.99);
    const cart = cartOf([
      { book: book('up', { name: 'Dearer', price: 12.5 }), quantity: 1 },
      { book: book('same'), quantity: 1 },
      { book: book('never-seen', { price: 1 }), quantity: 2 },
    ]);
    expect(priceChanges(localStorage, cart.items)).toEqual([{ bookId: 'up', name: 'Dearer', was: 10, now: 12.5 }]);
  });

  it('says nothing of a line whose book left the catalogue', () => {
    rememberPriceSeen(localStorage, 'gone', 10);
    const unpriced = { bookId: 'gone', quantity: 1, unitPrice: null, lineTotal: null, book: null };
    const bookless = { ...unpriced, unitPrice: 12, lineTotal: 12 };
    expect(priceChanges(localStorage, [unpriced, bookless])).toEqual([]);
  });

  it('forgets the books of an order or a removal and keeps the others', () => {
    rememberPriceSeen(localStorage, 'b1', 1);
    rememberPriceSeen(localStorage, 'b2', 2);
    rememberPriceSeen(localStorage, 'b3', 3);
    forgetPricesSeen(localStorage, ['b1', 'b3']);
    expect(JSON.parse(localStorage.getItem(KEY) ?? '')).toEqual({ b2: 2 });
  });

  it('starts afresh from a garbled or foreign stored value', () => {
    for (const garbled of ['{not json', 'null', '5', '"text"']) {
      localStorage.setItem(KEY, garbled);
      expect(priceChanges(localStorage, cartOf([{ book: book('b1'), quantity: 1 }]).items)).toEqual([]);
      rememberPriceSeen(localStorage, 'b1', 3);
      expect(JSON.parse(localStorage.getItem(KEY) ?? '')).toEqual({ b1: 3 });
    }
  });
});
