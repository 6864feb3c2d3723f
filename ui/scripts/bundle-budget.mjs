// Fails the build when the JavaScript of the first page load exceeds the budget. The first load is
// the manifest's entry chunk plus everything it imports statically (transitively); lazily loaded
// route chunks (dynamicImports) are fetched on navigation and do not count. Also fails when index.html
// links a stylesheet (it would block the first paint: the build inlines the used CSS instead, see
// scripts/first-paint-css.mjs) or when that inline CSS outgrows its budget.
//
//   node scripts/bundle-budget.mjs                      check dist/ against the budget
//   node scripts/bundle-budget.mjs --report <file.md>   also write the figure into that file's
//                                                       "## Storefront bundle" section
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 160 * 1024; // 160 KiB gzipped: the first load measured on 2026-12-05 (149 KiB) plus ~7 %
export const INLINE_CSS_BUDGET_BYTES = 17 * 1024; // the <style> in index.html, gzipped: Bootstrap's used rules
const SECTION_TITLE = '## Storefront bundle';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const manifestPath = join(dist, '.vite', 'manifest.json');

export function firstLoadFiles(manifest) {
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry chunk in the manifest, found ${entries.length}`);
  const seen = new Set();
  const files = [];
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no chunk ${key}`);
    if (chunk.file.endsWith('.js')) files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entries[0][0]);
  return files;
}

/** The stylesheets index.html links (each blocks rendering) and the CSS it carries inline. */
export function stylesheetsOf(html) {
  const blocking = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)]
    .map(([tag]) => /\bhref="([^"]*)"/.exec(tag)?.[1] ?? tag);
  const inline = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map(([, css]) => css).join('\n');
  return { blocking, inline };
}

function measure() {
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} not found: run vite build first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const files = firstLoadFiles(manifest).map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const allJs = Object.values(manifest).filter((chunk) => chunk.file.endsWith('.js')).length;
  const styles = stylesheetsOf(readFileSync(join(dist, 'index.html'), 'utf8'));
  const css = { blocking: styles.blocking, raw: Buffer.byteLength(styles.inline), gzip: gzipSync(styles.inline, { level: 9 }).length };
  return { css, files, gzip: files.reduce((sum, f) => sum + f.gzip, 0), raw: files.reduce((sum, f) => sum + f.raw, 0), allJs };
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

function reportSection(result) {
  const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
  const machine = `${osType()} ${release()}, ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const rows = result.files.map((f) => `| \`${f.file}\` | ${kib(f.raw)} | ${kib(f.gzip)} |`).join('\n');
  return `${SECTION_TITLE}

JavaScript of the first page load (the entry chunk and its static imports; route chunks load on
navigation), gzip level 9, measured by \`cd ui && npm run bench\` (\`scripts/bundle-budget.mjs\`).
Budget: ${kib(BUDGET_BYTES)} gzipped, enforced by \`npm run build\`.

- Date: ${new Date().toISOString().slice(0, 10)}
- Machine: ${machine}
- First load: **${kib(result.gzip)} gzipped** (${kib(result.raw)} raw) in ${result.files.length} file(s); ${result.allJs} JS chunks in all
- CSS: ${result.css.blocking.length} render-blocking stylesheet(s); the used rules inline in \`index.html\`, **${kib(result.css.gzip)} gzipped** (${kib(result.css.raw)} raw; budget ${kib(INLINE_CSS_BUDGET_BYTES)})

| file | raw | gzip |
|---|---|---|
${rows}
`;
}

function writeReport(path, section) {
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const start = existing.indexOf(SECTION_TITLE);
  let updated;
  if (start === -1) {
    updated = `${existing.trimEnd()}\n\n${section}`;
  } else {
    // Replace only this section: up to the next "## " heading, which belongs to someone else.
    const nextHeading = existing.indexOf('\n## ', start + SECTION_TITLE.length);
    const rest = nextHeading === -1 ? '' : `\n${existing.slice(nextHeading + 1)}`;
    updated = `${existing.slice(0, start)}${section}${rest}`;
  }
  writeFileSync(path, updated.endsWith('\n') ? updated : `${updated}\n`);
}

function main() {
  const result = measure();
  for (const f of result.files) console.log(`  ${f.file.padEnd(40)} ${kib(f.raw).padStart(10)} ${kib(f.gzip).padStart(10)} gzip`);
  console.log(`first-load JavaScript: ${kib(result.gzip)} gzipped (budget ${kib(BUDGET_BYTES)})`);
  console.log(`inline CSS: ${kib(result.css.gzip)} gzipped (budget ${kib(INLINE_CSS_BUDGET_BYTES)}); `
    + `render-blocking stylesheets: ${result.css.blocking.join(', ') || 'none'}`);
  const reportIndex = process.argv.indexOf('--report');
  if (reportIndex !== -1) {
    const target = resolve(process.argv[reportIndex + 1] ?? '');
    writeReport(target, reportSection(result));
    console.log(`wrote ${SECTION_TITLE.slice(3)} to ${target}`);
  }
  let failed = false;
  if (result.gzip > BUDGET_BYTES) {
    console.error(`bundle budget exceeded by ${kib(result.gzip - BUDGET_BYTES)}`);
    failed = true;
  }
  if (result.css.blocking.length > 0) {
    console.error(`index.html links ${result.css.blocking.join(', ')}: a stylesheet blocks the first paint `
      + '(scripts/first-paint-css.mjs inlines the entry CSS; import CSS from main.tsx only)');
    failed = true;
  }
  if (result.css.gzip > INLINE_CSS_BUDGET_BYTES) {
    console.error(`inline CSS budget exceeded by ${kib(result.css.gzip - INLINE_CSS_BUDGET_BYTES)}`);
    failed = true;
  }
  if (failed) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
