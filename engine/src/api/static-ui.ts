import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.map', '.txt']);

interface CachedFile {
  body: Buffer;
  gzipped?: Buffer;
  type: string;
}

/**
 * Serves the built renderer: files inside `root` only, hashed assets cached forever,
 * gzip when the browser accepts it, and index.html for any other path (SPA routes).
 */
export class StaticUi {
  readonly #cache = new Map<string, CachedFile>();

  readonly #root: string;

  constructor(root: string) {
    this.#root = resolve(root);
  }

  async serve(pathname: string, acceptsGzip: boolean, res: ServerResponse): Promise<boolean> {
    const file =
      (await this.#resolve(pathname)) ??
      (extname(pathname) === '' ? join(this.#root, 'index.html') : undefined);
    if (!file) return false;
    const cached = await this.#load(file);
    if (!cached) return false;
    const body = acceptsGzip && cached.gzipped ? cached.gzipped : cached.body;
    res.writeHead(200, {
      'content-type': cached.type,
      'content-length': body.length,
      'cache-control': pathname.startsWith('/assets/')
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
      'x-content-type-options': 'nosniff',
      ...(body === cached.gzipped ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      ...(cached.type.startsWith('text/html') ? { 'content-security-policy': CSP } : {}),
    });
    res.end(body);
    return true;
  }

  async #resolve(pathname: string): Promise<string | undefined> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    if (decoded.includes('\0')) return undefined;
    const candidate = normalize(join(this.#root, decoded === '/' ? 'index.html' : decoded));
    // Never outside the renderer folder, whatever `..` or encoded separators say.
    if (!candidate.startsWith(this.#root + sep)) return undefined;
    const info = await stat(candidate).catch(() => undefined);
    return info?.isFile() ? candidate : undefined;
  }

  async #load(file: string): Promise<CachedFile | undefined> {
    const hit = this.#cache.get(file);
    if (hit) return hit;
    const body = await readFile(file).catch(() => undefined);
    if (!body) return undefined;
    const ext = extname(file);
    const entry: CachedFile = { body, type: CONTENT_TYPES[ext] ?? 'application/octet-stream' };
    if (COMPRESSIBLE.has(ext) && body.length > 1024) entry.gzipped = gzipSync(body);
    this.#cache.set(file, entry);
    return entry;
  }
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
