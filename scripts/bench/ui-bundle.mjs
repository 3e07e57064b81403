import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const DIST = fileURLToPath(new URL('../../renderer/dist/', import.meta.url));

/** Gzipped bytes of the JavaScript the browser loads before the first page shows. */
export function measureFirstLoadJs() {
  const html = readFileSync(`${DIST}index.html`, 'utf8');
  const scripts = [
    ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g),
  ].map((m) => m[1]);
  const unique = [...new Set(scripts)];
  if (unique.length === 0)
    throw new Error('renderer/dist/index.html loads no script: run `npm run build` first');
  const bytes = unique.reduce(
    (sum, file) => sum + gzipSync(readFileSync(`${DIST}${file}`), { level: 9 }).length,
    0,
  );
  return { files: unique, gzippedBytes: bytes };
}
