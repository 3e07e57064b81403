/**
 * One request to a target's `/apis/v2beta1/…` over node:http/https — not fetch, because a
 * custom CA and `rejectUnauthorized: false` are per-request TLS options only node offers.
 * Failures become SkiffErrors that say what to fix: the URL, the token or the CA file.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { SkiffError } from '../core/errors.js';
import { kfpError } from '../cli/kfp-errors.js';

export type Query = Record<string, string | number | undefined>;

export interface KfpConnection {
  /** KFP API base URL, e.g. `https://kubeflow.example.com/pipeline`. */
  url: string;
  /** Auth headers, resolved per request so a rotated token file is picked up. */
  headers: () => Promise<Record<string, string>>;
  /** PEM CA bundle to trust besides the system's. */
  ca?: string;
  insecureSkipVerify?: boolean;
  timeoutMs?: number;
}

export interface KfpRequest {
  method: string;
  path: string;
  query?: Query;
  body?: string | Uint8Array;
  contentType?: string;
}

const API = '/apis/v2beta1';
const TIMEOUT_MS = 30_000;

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

export async function kfpRequest<T>(conn: KfpConnection, req: KfpRequest): Promise<T> {
  const base = conn.url.replace(/\/+$/, '');
  const url = new URL(`${base}${API}${req.path}`);
  for (const [key, value] of Object.entries(req.query ?? {})) {
    if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  }
  const headers: Record<string, string> = { accept: 'application/json', ...(await conn.headers()) };
  if (req.contentType !== undefined) headers['content-type'] = req.contentType;
  if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
  const { status, statusText, text } = await send(url, req, headers, conn);
  if (status < 200 || status >= 300) throw withFix(kfpError(status, statusText, text), base);
  if (text.trim() === '') return {} as T;
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new SkiffError(
      'FAILED_PRECONDITION',
      `${base} answered ${req.method} ${API}${req.path} with something that is not JSON: is the URL the KFP API (a Kubeflow gateway needs the /pipeline prefix)?`,
      { url: base },
      { cause: error },
    );
  }
}

function send(
  url: URL,
  req: KfpRequest,
  headers: Record<string, string>,
  conn: KfpConnection,
): Promise<{ status: number; statusText: string; text: string }> {
  const secure = url.protocol === 'https:';
  const request = secure ? httpsRequest : httpRequest;
  const tls = secure
    ? {
        ...(conn.ca !== undefined ? { ca: conn.ca } : {}),
        rejectUnauthorized: conn.insecureSkipVerify !== true,
      }
    : {};
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: req.method, headers, ...tls },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => reject(networkError(url, error)));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.setTimeout(conn.timeoutMs ?? TIMEOUT_MS, () =>
      outgoing.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
    );
    outgoing.on('error', (error) => reject(networkError(url, error)));
    outgoing.end(req.body);
  });
}

function networkError(url: URL, error: Error): SkiffError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const where = url.origin;
  if (TLS_CODES.has(code) || /certificate|SSL|TLS/i.test(error.message)) {
    return new SkiffError(
      'FAILED_PRECONDITION',
      `TLS to ${where} failed: ${error.message}. If the server uses a private CA, give its certificate with --ca-file (tls.caFile); --insecure-skip-verify turns checking off (not for production).`,
      { url: where, tlsCode: code },
      { cause: error },
    );
  }
  return new SkiffError(
    'UNAVAILABLE',
    `Cannot reach ${where}: ${error.message}. Check the URL and port, and that a port-forward (kubectl port-forward -n kubeflow svc/ml-pipeline-ui 8080:80) or VPN is up.`,
    { url: where, errno: code },
    { cause: error },
  );
}

/** Adds the fix to auth errors; the server's own message stays first. */
function withFix(error: SkiffError, base: string): SkiffError {
  const fixes: Partial<Record<string, string>> = {
    UNAUTHENTICATED: `The target ${base} refused the credentials: update the token (skiff target add NAME --url … --token …) or sign in again for a new session cookie.`,
    PERMISSION_DENIED: `The credentials are valid but may not do this: check the target's namespace (--namespace) and the profile's contributors.`,
  };
  const fix = fixes[error.code];
  if (fix === undefined) return error;
  const message = error.message.replace(/[.\s]+$/, '');
  return new SkiffError(error.code, `${message}. ${fix}`, error.details, { cause: error });
}
