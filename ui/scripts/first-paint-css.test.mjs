import { describe, expect, it } from 'vitest';
import { inlineStylesheets, usedCss } from './first-paint-css.mjs';

const BOOTSTRAP_LIKE = [
  '.btn{display:inline-block}', '.btn-primary{color:#fff}', '.btn-lg{padding:1rem}', '.carousel{position:relative}',
  '.navbar-toggler-icon{width:1.5em}', '.col-md-4{flex:0 0 auto}', '.spinner-border-sm{width:1rem}',
  '.offcanvas-start{left:0}', '.book-cover{display:block}',
].join('');

describe('first-paint CSS', () => {
  it('keeps the rules the built code names, and the classes react-bootstrap composes from props', async () => {
    // what a chunk holds for <Button variant="primary"> next to a class of our own
    const chunk = 'jsx(Button,{variant:"primary",className:"btn book-cover"})';

    const css = await usedCss(BOOTSTRAP_LIKE, [chunk]);

    for (const kept of ['.btn{', '.btn-primary', '.btn-lg', '.navbar-toggler-icon', '.col-md-4', '.spinner-border-sm', '.book-cover']) {
      expect(css).toContain(kept);
    }
    expect(css).not.toContain('.carousel');
    expect(css).not.toContain('.offcanvas-start');
  });

  it('replaces each stylesheet link of index.html by a style element with its used rules', async () => {
    const html = '<head><script type="module" src="/assets/index-1.js"></script>'
      + '<link rel="stylesheet" crossorigin href="/assets/index-2.css"></head><body class="btn"></body>';

    const { html: out, inlined } = await inlineStylesheets(html, [html], (file) => (file === 'assets/index-2.css' ? '.btn{margin:0}.carousel{margin:0}' : ''));

    expect(inlined).toEqual(['assets/index-2.css']);
    expect(out).not.toContain('<link rel="stylesheet"');
    expect(out).toContain('<style>.btn{margin:0}</style></head>');
  });
});
