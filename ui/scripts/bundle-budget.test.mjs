import { describe, expect, it } from 'vitest';
import { firstLoadFiles, stylesheetsOf } from './bundle-budget.mjs';

describe('bundle budget', () => {
  it('counts the entry and its static imports, transitively, but not lazily loaded routes', () => {
    const manifest = {
      'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_vendor.js'], dynamicImports: ['src/cart/CartPage.tsx'], css: ['assets/index.css'] },
      '_vendor.js': { file: 'assets/vendor.js', imports: ['_runtime.js'] },
      '_runtime.js': { file: 'assets/runtime.js' },
      'src/cart/CartPage.tsx': { file: 'assets/CartPage.js', isDynamicEntry: true, imports: ['_vendor.js'] },
    };
    expect(firstLoadFiles(manifest)).toEqual(['assets/index.js', 'assets/vendor.js', 'assets/runtime.js']);
  });

  it('refuses a manifest without exactly one entry', () => {
    expect(() => firstLoadFiles({ a: { file: 'a.js' } })).toThrow('expected one entry chunk');
  });

  it('finds the stylesheets index.html links, which block rendering, apart from the CSS it carries inline', () => {
    const html = '<head><link rel="icon" href="/favicon.svg"><style>.btn{margin:0}</style>'
      + '<link rel="stylesheet" crossorigin href="/assets/index-1.css"></head>';

    expect(stylesheetsOf(html)).toEqual({ blocking: ['/assets/index-1.css'], inline: '.btn{margin:0}' });
    expect(stylesheetsOf('<head><style>a{}</style></head>').blocking).toEqual([]);
  });
});
