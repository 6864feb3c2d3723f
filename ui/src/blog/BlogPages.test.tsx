import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeBackend, json } from '../test/fakeBackend';
import { renderApp } from '../test/renderApp';

const HOSTILE_CONTENT = `
  <p>Read <a href="https://example.org/book" target="_blank">this</a>.</p>
  <img src="/wp-content/cover.png" alt="A cover" onerror="window.__pwned = true">
  <script>window.__pwned = true</script>
  <a href="javascript:window.__pwned=true">click</a>
  <iframe src="https://evil.example"></iframe>
  <p style="position:fixed">styled</p>`;

describe('blog', () => {
  let backend: FakeBackend;
  beforeEach(() => {
    backend = new FakeBackend().withQuietHome().install();
    backend.blog('/posts/7', () =>
      json(200, {
        id: 7,
        date_gmt: '2026-11-20T08:00:00',
        title: { rendered: 'Winter &amp; reading' },
        excerpt: { rendered: '' },
        content: { rendered: HOSTILE_CONTENT },
      }),
    );
  });

  it('renders a post with its HTML sanitized', async () => {
    renderApp('/blog/7');
    const post = await screen.findByTestId('blog-post');
    expect(within(post).getByRole('heading', { level: 1 })).toHaveTextContent('Winter & reading');
    expect(within(post).getByRole('img', { name: 'A cover' })).not.toHaveAttribute('onerror');
    expect(post.querySelector('script, iframe, [style]')).toBeNull();
    expect(within(post).getByText('click')).not.toHaveAttribute('href');
    expect(within(post).getByRole('link', { name: 'this' })).toHaveAttribute('rel', 'noopener noreferrer');
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('lists posts with excerpts and links to older ones', async () => {
    backend.blog('/posts', (request) => {
      expect(request.url.searchParams.get('page')).toBe('1');
      return json(200, [
        { id: 9, date_gmt: '2026-11-25T10:00:00', title: { rendered: 'New arrivals' }, excerpt: { rendered: '<p>Fresh <strong>books</strong></p><script>x()</script>' } },
      ], { 'X-WP-TotalPages': '3' });
    });
    renderApp('/blog');
    const list = await screen.findByTestId('blog-list');
    expect(within(list).getByRole('link', { name: 'New arrivals' })).toHaveAttribute('href', '/blog/9');
    expect(within(list).getByText('books').tagName).toBe('STRONG');
    expect(list.querySelector('script')).toBeNull();
    expect(screen.getByRole('link', { name: 'Older posts' })).toHaveAttribute('href', '/blog?page=2');
  });

  it('shows the 404 message for a post that does not exist', async () => {
    backend.blog('/posts/8', () => json(404, { code: 'rest_post_invalid_id' }));
    renderApp('/blog/8');
    expect(await screen.findByTestId('error-notFound')).toBeInTheDocument();
  });
});
