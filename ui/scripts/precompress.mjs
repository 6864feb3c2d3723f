// Build step: a Brotli copy (`<file>.br`) next to each text file of the build, for the local gateway, which
// serves it to viewers that accept Brotli as CloudFront would (the JDK has no Brotli encoder). The stack does
// not upload these copies: CloudFront compresses at the edge (docs/ui.md#caching-and-compression).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

// Text types CloudFront compresses (ui/site-headers.yaml gives each its content type), from its smallest size up.
const TEXT_FILE = /\.(html|js|mjs|css|json|svg|txt)$/;
const MIN_BYTES = 1000;

export function brotli(bytes) {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/** Writes `<file>.br` for each written text file of at least 1,000 bytes; returns the files it compressed. */
export function precompress(dir, files) {
  const done = [];
  for (const file of files) {
    if (!TEXT_FILE.test(file)) continue;
    const bytes = readFileSync(join(dir, file));
    if (bytes.length < MIN_BYTES) continue;
    writeFileSync(join(dir, `${file}.br`), brotli(bytes));
    done.push(file);
  }
  return done;
}

/** The Vite plugin: compresses what the build wrote, once it is on disk. */
export function brotliCopies() {
  return {
    name: 'bookstore-brotli-copies',
    apply: 'build',
    writeBundle(options, bundle) {
      precompress(options.dir, Object.keys(bundle));
    },
  };
}
