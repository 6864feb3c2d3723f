import { fireEvent, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeBackend, json } from '../test/fakeBackend';
import { renderApp } from '../test/renderApp';

const BOOK = { id: 'b-1', name: 'Spaghetti', author: 'Richard Labadie', category: 'Cookbooks', price: 20.99, rating: 5 };

describe('book covers', () => {
  let backend: FakeBackend;
  beforeEach(() => {
    backend = new FakeBackend().withQuietHome().install();
  });

  it('loads the cover from the site and falls back to a placeholder when it fails', async () => {
    backend.api('GET', '/books/b-1', () => json(200, { ...BOOK, cover: '/covers/b-1.svg' }));
    renderApp('/books/b-1');
    const cover = await screen.findByRole('img', { name: 'Cover of Spaghetti' });
    expect(cover).toHaveAttribute('src', '/covers/b-1.svg');

    fireEvent.error(cover);

    const placeholder = screen.getByRole('img', { name: 'Cover of Spaghetti' });
    expect(placeholder.tagName).toBe('DIV');
    expect(placeholder).toHaveTextContent('SpaghettiRichard Labadie');
  });

  it('never loads a cover from a remote host', async () => {
    backend.api('GET', '/books/b-1', () => json(200, { ...BOOK, cover: 'https://images.example.com/b-1.jpg' }));
    renderApp('/books/b-1');
    const cover = await screen.findByRole('img', { name: 'Cover of Spaghetti' });
    expect(cover.tagName).toBe('DIV');
    expect(document.querySelector('img[src^="http"]')).toBeNull();
  });
});
