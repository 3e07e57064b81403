import type { IncomingMessage } from 'node:http';
import { SkiffError } from '../core/errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOCAL_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Refuses requests that name another host (DNS rebinding) and writes that come from a
 * foreign page (cross-site request forgery). Browsers always send Origin on writes.
 */
export function checkRequestOrigin(
  req: IncomingMessage,
  port: number,
  extraHosts: readonly string[] = [],
): void {
  const allowed = new Set([...LOCAL_HOSTNAMES, ...extraHosts]);
  const host = req.headers.host;
  if (host !== undefined && !allowed.has(hostnameOf(host))) {
    throw new SkiffError(
      'PERMISSION_DENIED',
      `Host "${host}" is not this Skiff engine; use http://127.0.0.1:${port}/.`,
    );
  }
  if (SAFE_METHODS.has(req.method ?? 'GET')) return;
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let parsed: URL | undefined;
  try {
    parsed = new URL(origin);
  } catch {
    parsed = undefined;
  }
  const sameOrigin =
    parsed !== undefined &&
    parsed.protocol === 'http:' &&
    allowed.has(parsed.hostname) &&
    Number(parsed.port || 80) === port;
  if (!sameOrigin) {
    throw new SkiffError(
      'PERMISSION_DENIED',
      `Cross-origin write refused: requests from ${origin} may not change Skiff. Use Skiff's own UI, the CLI or an API token.`,
    );
  }
}

function hostnameOf(hostHeader: string): string {
  return hostHeader.startsWith('[')
    ? hostHeader.slice(0, hostHeader.indexOf(']') + 1)
    : (hostHeader.split(':')[0] ?? '');
}
