// Build step: the entry stylesheet (Bootstrap + app.css) keeps only the rules the built app can use, and goes
// into index.html as a <style> element, so the first paint waits for no stylesheet request
// (docs/ui.md#caching-and-compression).
import { PurgeCSS } from 'purgecss';

// react-bootstrap composes some class names from props at run time (`btn-${variant}`, `col-${breakpoint}-${span}`),
// so they never appear whole in the built code: these patterns keep every value such props can take. A component
// prop that builds a class not matched here (docs/ui.md#caching-and-compression) needs its pattern added.
const VARIANT = '(primary|secondary|success|danger|warning|info|light|dark)';
const BREAKPOINT = '(sm|md|lg|xl|xxl)';
const SAFELIST = [
  new RegExp(`^(btn|btn-outline|alert|bg|text|text-bg|border|list-group-item|table)-${VARIANT}$`), // variant, bg, text
  /^(btn|form-control|form-select|spinner-border|spinner-grow|table|col-form-label)-(sm|lg)$/, // size
  new RegExp(`^(col|row-cols|offset|order)(-${BREAKPOINT})?-(\\d+|auto|first|last)$`), // <Col md={4}>, <Row xs={2}>
  new RegExp(`^(navbar-expand|container|list-group-horizontal)(-${BREAKPOINT})?$`), // <Navbar expand>, <Container fluid>
  new RegExp(`^table-(striped|hover|bordered|borderless|responsive)(-${BREAKPOINT})?$`), // <Table striped responsive>
  /^spinner-(border|grow)$/, // <Spinner animation>
  /^(valid|invalid)-(feedback|tooltip)$/, // <Form.Control.Feedback type>
  /^(fixed|sticky)-(top|bottom)$/, // <Navbar fixed sticky>
  // parts named after their component's prefix: <Navbar.Toggle>'s icon, <Nav> inside a navbar, <Alert dismissible>...
  /^(navbar-toggler-icon|navbar-nav|navbar-nav-scroll|nav-fill|nav-justified|alert-dismissible|container-fluid)$/,
  /^(form-control-(color|plaintext)|form-check-(inline|reverse)|list-group-(item-action|numbered|flush)|card-header-(tabs|pills))$/,
];

const STYLESHEET_LINK = /<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g;

/** The rules of `css` that a selector in `contents` (the built HTML and JavaScript) can match. */
export async function usedCss(css, contents) {
  const [result] = await new PurgeCSS().purge({
    content: contents.map((raw) => ({ raw, extension: 'js' })),
    css: [{ raw: css }],
    safelist: { standard: SAFELIST },
    keyframes: true,
    fontFace: true,
  });
  return result.css;
}

/** index.html with each stylesheet link replaced by its used rules; `read(file)` gives a stylesheet's text. */
export async function inlineStylesheets(html, contents, read) {
  const inlined = [];
  let out = html;
  for (const [tag, file] of html.matchAll(STYLESHEET_LINK)) {
    const css = await usedCss(read(file), contents);
    out = out.replace(tag, () => `<style>${css}</style>`);
    inlined.push(file);
  }
  return { html: out, inlined };
}

/** The Vite plugin: runs on the final bundle, whose chunks hold every class name the app can render. */
export function firstPaintCss() {
  return {
    name: 'bookstore-first-paint-css',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const page = bundle['index.html'];
      if (!page || page.type !== 'asset') return;
      const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
      const { html, inlined } = await inlineStylesheets(String(page.source),
        [String(page.source), ...chunks.map((chunk) => chunk.code)], (file) => String(bundle[file].source));
      page.source = html;
      for (const file of inlined) {
        delete bundle[file];
        for (const chunk of chunks) chunk.viteMetadata?.importedCss.delete(file);
      }
    },
  };
}
