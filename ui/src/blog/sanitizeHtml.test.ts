import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitizeHtml';

const parse = (html: string) => {
  const host = document.createElement('div');
  host.innerHTML = sanitizeHtml(html);
  return host;
};

describe('sanitizeHtml', () => {
  it('keeps the text and formatting an editor writes', () => {
    const html = parse('<h2>New</h2><p>Fresh <strong>books</strong> and <a href="/books/b1">one</a></p>');
    expect(html.querySelector('h2')).toHaveTextContent('New');
    expect(html.querySelector('strong')).toHaveTextContent('books');
    expect(html.querySelector('a')).toHaveAttribute('href', '/books/b1');
  });

  it('makes a link that opens a new tab unable to reach back to the store', () => {
    const links = parse('<a href="https://example.com" target="_blank">out</a><a href="/x" target="_self">in</a><a href="/y">plain</a>');
    const [blank, self, plain] = Array.from(links.querySelectorAll('a'));
    expect(blank).toHaveAttribute('target', '_blank');
    expect(blank).toHaveAttribute('rel', 'noopener noreferrer');
    expect(self).toHaveAttribute('target', '_self');
    expect(self).not.toHaveAttribute('rel');
    expect(plain).not.toHaveAttribute('rel');
  });

  it('removes scripts, event handlers, javascript: links and inline styles', () => {
    const html = parse('<script>x()</script><img src="/a.png" onerror="x()"><a href="javascript:x()">a</a><p style="color:red">p</p>');
    expect(html.querySelector('script')).toBeNull();
    expect(html.querySelector('img')).not.toHaveAttribute('onerror');
    expect(html.querySelector('a')).not.toHaveAttribute('href');
    expect(html.querySelector('p')).not.toHaveAttribute('style');
  });

  it.each(['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'])(
    'removes <%s>',
    (tag) => {
      expect(parse(`<p>kept</p><${tag}></${tag}>`).querySelector(tag)).toBeNull();
    },
  );
});
