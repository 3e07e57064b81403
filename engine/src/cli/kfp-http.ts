/**
 * The wire under KfpClient: one request to `/apis/v2beta1/…` with the auth headers, a
 * timeout, and error answers (googleRpcStatus) turned into SkiffErrors.
 */
import { SkiffError } from '../core/errors.js';
import { kfpError } from './kfp-errors.js';
import { buildMultipartBody } from './kfp-multipart-body.js';

export type Fetch = typeof fetch;
export type Query = Record<string, string | number | undefined>;

export interface KfpHttpOptions {
  /** Where `/apis/v2beta1` lives, e.g. `http://127.0.0.1:8740`. */
  baseUrl: string;
  /** Sent with every request, e.g. `{authorization: 'Bearer …'}`. */
  headers?: Record<string, string>;
  fetch?: Fetch;
  timeoutMs?: number;
}

const API = '/apis/v2beta1';
const REQUEST_TIMEOUT_MS = 30_000;
const UPLOAD_TIMEOUT_MS = 120_000;

export class KfpHttp {
  readonly baseUrl: string;
  readonly #headers: Record<string, string>;
  readonly #fetch: Fetch;
  readonly #timeoutMs: number;

  constructor(options: KfpHttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#headers = options.headers ?? {};
    this.#fetch = options.fetch ?? fetch;
    this.#timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  }

  /** POSTs one file as the multipart field `uploadfile`, the rest in the query. */
  upload<T>(path: string, file: Uint8Array, fileName: string, query: Query): Promise<T> {
    const { body, contentType } = buildMultipartBody([
      { field: 'uploadfile', fileName, content: file },
    ]);
    return this.#send<T>('POST', path, query, body, contentType, UPLOAD_TIMEOUT_MS);
  }

  json<T>(method: string, path: string, query: Query = {}, body?: unknown): Promise<T> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const type = body === undefined ? undefined : 'application/json';
    return this.#send<T>(method, path, query, payload, type, this.#timeoutMs);
  }

  async #send<T>(
    method: string,
    path: string,
    query: Query,
    body: string | Uint8Array | undefined,
    contentType: string | undefined,
    timeoutMs: number,
  ): Promise<T> {
    const url = new URL(`${this.baseUrl}${API}${path}`);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    }
    let response: Response;
    try {
      response = await this.#fetch(url, {
        method,
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          accept: 'application/json',
          ...this.#headers,
          ...(contentType !== undefined ? { 'content-type': contentType } : {}),
        },
        ...(body !== undefined ? { body } : {}),
      });
    } catch (error) {
      throw connectionError(this.baseUrl, error);
    }
    const text = await response.text();
    if (!response.ok) throw kfpError(response.status, response.statusText, text);
    if (text.trim() === '') return {} as T;
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new SkiffError(
        'INTERNAL',
        `The KFP server at ${this.baseUrl} answered ${method} ${path} with something that is not JSON.`,
        {},
        { cause: error },
      );
    }
  }
}

function connectionError(baseUrl: string, error: unknown): SkiffError {
  const options = { cause: error };
  if (error instanceof Error && error.name === 'TimeoutError') {
    const message = `The KFP server at ${baseUrl} did not answer in time.`;
    return new SkiffError('UNAVAILABLE', message, { url: baseUrl }, options);
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return new SkiffError('CANCELLED', 'The request was cancelled.', {}, options);
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const message = `Nothing answers at ${baseUrl}${cause ? `: ${cause.message}` : ''}.`;
  return new SkiffError('UNAVAILABLE', message, { url: baseUrl }, options);
}
