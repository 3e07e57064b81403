import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ServerResponse } from 'node:http';
import type { Engine } from '../../core/engine.js';
import { invalidArgument, notFound } from '../../core/errors.js';
import { sendJson } from '../http-errors.js';
import type { Route } from '../router.js';
import type { ArtifactCatalog } from './artifact-catalog.js';
import { contentTypeFor } from './artifact-content-type.js';
import { listArtifactDirectory } from './artifact-listing.js';
import { resolveArtifactFile } from './artifact-location.js';

/**
 * Artifact bytes are user content: they may run script only in an opaque origin (so
 * never with the engine's origin and cookie), and only the UI itself may frame them.
 */
export const ARTIFACT_CSP = "sandbox allow-scripts; frame-ancestors 'self'";

/**
 * `GET /api/v1/artifacts/:id/content[?path=&download=1&limit=N]`: a local artifact's file,
 * streamed, or a JSON listing when the artifact (or `path`) is a folder.
 */
export function artifactContentRoute(engine: Engine, catalog: ArtifactCatalog): Route {
  return {
    method: 'GET',
    path: '/api/v1/artifacts/:artifactId/content',
    handler: async ({ params, url, req, res }) => {
      const artifactId = params.artifactId ?? '';
      const ref = catalog.ref(artifactId);
      if (!ref) throw notFound('Artifact', artifactId);
      const query = url.searchParams;
      const download = flag(query.get('download'), 'download');
      const limit = byteLimit(query.get('limit'));
      const { home } = engine.config;
      const file = await resolveArtifactFile(artifactId, ref.uri, query.get('path') || undefined, {
        home: home.root,
        artifacts: home.artifacts,
      });
      setUserContentHeaders(res);
      if (file.stats.isDirectory()) {
        if (download) {
          throw invalidArgument('download', 'a folder is not one file; pick a file with `path`');
        }
        sendJson(res, 200, await listArtifactDirectory(file.base, file.path));
        return;
      }
      const size = file.stats.size;
      const sent = limit === undefined ? size : Math.min(size, limit);
      res.setHeader('content-type', contentTypeFor(file.path, ref.type.schemaTitle));
      res.setHeader('content-length', sent);
      res.setHeader('cache-control', 'private, no-cache');
      if (sent < size) res.setHeader('x-skiff-truncated', 'true');
      if (download) res.setHeader('content-disposition', attachment(basename(file.path)));
      res.writeHead(200);
      if (req.method === 'HEAD' || sent === 0) {
        res.end();
        return;
      }
      await pipeline(createReadStream(file.path, { start: 0, end: sent - 1 }), res).catch(
        (error: unknown) => {
          // A reader that goes away mid-file is not an error worth reporting.
          if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
        },
      );
    },
  };
}

export function setUserContentHeaders(res: ServerResponse): void {
  res.setHeader('content-security-policy', ARTIFACT_CSP);
  res.setHeader('x-content-type-options', 'nosniff');
  // The UI frames HTML previews; frame-ancestors above keeps other sites from doing so.
  res.setHeader('x-frame-options', 'SAMEORIGIN');
}

/** `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function flag(value: string | null, name: string): boolean {
  if (value === null || value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw invalidArgument(name, `"${value}" is not 1 or 0 (true or false)`);
}

function byteLimit(value: string | null): number | undefined {
  if (value === null || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw invalidArgument('limit', `"${value}" is not a positive whole number of bytes`);
  }
  return Number(value);
}
