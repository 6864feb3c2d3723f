import { mkdirSync, mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompress } from './precompress.mjs';

describe('Brotli copies for the local gateway', () => {
  let dir;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a .br that decodes to the file, for text files of 1,000 bytes and more only', () => {
    dir = mkdtempSync(join(tmpdir(), 'precompress-'));
    mkdirSync(join(dir, 'assets'));
    const script = 'export const books = [];\n'.repeat(100);
    writeFileSync(join(dir, 'assets/app.js'), script);
    writeFileSync(join(dir, 'assets/tiny.js'), 'export {};');
    writeFileSync(join(dir, 'assets/logo.png'), Buffer.alloc(4000));

    const done = precompress(dir, ['assets/app.js', 'assets/tiny.js', 'assets/logo.png']);

    expect(done).toEqual(['assets/app.js']);
    const copy = readFileSync(join(dir, 'assets/app.js.br'));
    expect(copy.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(copy).toString('utf8')).toBe(script);
    expect(existsSync(join(dir, 'assets/tiny.js.br'))).toBe(false);
    expect(existsSync(join(dir, 'assets/logo.png.br'))).toBe(false);
  });
});
