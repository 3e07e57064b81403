import { ApiError, errorFromNetworkFailure, errorFromResponse } from './api-error';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** Defaults to the browser's fetch; tests pass a fake. */
  fetch?: FetchLike;
  /** Prefix for every path; empty for same-origin requests. */
  baseUrl?: string;
  /** Called on every 401 answer, before the error is thrown. */
  onUnauthorized?: (error: ApiError) => void;
}

export interface RequestOptions {
  /** JSON-encoded, or sent as is when it is FormData (the browser sets the boundary). */
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
}

export type Request = <T>(method: string, path: string, opts?: RequestOptions) => Promise<T>;

/**
 * The one HTTP exchange both clients (Skiff's /api/v1 and KFP's /apis/v2beta1) use:
 * same-origin credentials, JSON in and out, error bodies into ApiError, 401 reported.
 */
export function createRequest(options: ApiClientOptions = {}): Request {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const baseUrl = options.baseUrl ?? '';

  return async function request<T>(
    method: string,
    path: string,
    opts: RequestOptions = {},
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    if (opts.signal) init.signal = opts.signal;
    if (opts.body instanceof FormData) {
      init.body = opts.body;
    } else if (opts.body !== undefined) {
      headers['Content-Type'] = opts.contentType ?? 'application/json';
      init.body = JSON.stringify(opts.body);
    }

    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, init);
    } catch (cause) {
      throw errorFromNetworkFailure(cause);
    }

    const text = await response.text().catch(() => '');
    if (!response.ok) {
      const error = errorFromResponse(response.status, response.statusText, text);
      if (error.unauthorized) options.onUnauthorized?.(error);
      throw error;
    }
    if (text === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError(
        response.status,
        'INTERNAL',
        `The Skiff engine sent an answer to ${method} ${path} that is not JSON.`,
      );
    }
  };
}
