import {
  API_ROUTES,
  type Operation,
  type OperationList,
  type OperationLogs,
  type Settings,
  type SettingsPatch,
  type SystemInfo,
} from '@skiff/engine/api-contract';
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

interface RequestOptions {
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
}

/** RFC 7386: a merge patch has its own media type (it also keeps cross-origin forms out). */
export const MERGE_PATCH_TYPE = 'application/merge-patch+json';

/** The one typed client for Skiff's /api/v1. Components use it through state modules. */
export function createApiClient(options: ApiClientOptions = {}) {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const baseUrl = options.baseUrl ?? '';

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    if (opts.signal) init.signal = opts.signal;
    if (opts.body !== undefined) {
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
  }

  return {
    getSystem: (signal?: AbortSignal) =>
      request<SystemInfo>('GET', API_ROUTES.system, signal ? { signal } : {}),

    getSettings: () => request<Settings>('GET', API_ROUTES.settings),

    /** Sends only what changed; `null` removes a key (e.g. an images.map entry). */
    patchSettings: (patch: SettingsPatch) =>
      request<Settings>('PATCH', API_ROUTES.settings, {
        body: patch,
        contentType: MERGE_PATCH_TYPE,
      }),

    listOperations: () => request<OperationList>('GET', API_ROUTES.operations),

    getOperation: (id: string) => request<Operation>('GET', API_ROUTES.operation(id)),

    getOperationLogs: (id: string) => request<OperationLogs>('GET', API_ROUTES.operationLogs(id)),

    /** Asks the engine to stop; the operation's final state arrives as an event. */
    cancelOperation: async (id: string): Promise<void> => {
      await request<unknown>('POST', API_ROUTES.operationCancel(id));
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
