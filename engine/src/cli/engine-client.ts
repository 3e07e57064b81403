/**
 * The CLI's HTTP client for a running engine: Bearer token on every request, `{code,
 * message}` error bodies back into SkiffErrors, and the SSE event stream.
 */
import type {
  CacheList,
  EngineEvent,
  HealthResponse,
  LoginTicket,
  Operation,
  OperationList,
  Settings,
  SettingsPatch,
  SystemInfo,
} from '../api/contract.js';
import { API_ROUTES } from '../api/contract.js';
import { isErrorCode, SkiffError, type ErrorCode } from '../core/errors.js';
import { readSse } from './sse-parser.js';

export const NOT_RUNNING_MESSAGE =
  'Skiff is not running: start it with `skiff serve` or `npm start`.';

const REQUEST_TIMEOUT_MS = 15_000;
const HEALTH_TIMEOUT_MS = 1500;

export type Fetch = typeof fetch;
export type StreamedEvent = EngineEvent & { id?: number };

export class EngineClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
    private readonly fetchImpl: Fetch = fetch,
  ) {}

  health(timeoutMs = HEALTH_TIMEOUT_MS): Promise<HealthResponse> {
    return this.request('GET', API_ROUTES.health, undefined, AbortSignal.timeout(timeoutMs));
  }

  system(): Promise<SystemInfo> {
    return this.request('GET', API_ROUTES.system);
  }

  settings(): Promise<Settings> {
    return this.request('GET', API_ROUTES.settings);
  }

  patchSettings(patch: SettingsPatch | Record<string, unknown>): Promise<Settings> {
    return this.request('PATCH', API_ROUTES.settings, patch);
  }

  async operations(): Promise<Operation[]> {
    return (await this.request<OperationList>('GET', API_ROUTES.operations)).operations;
  }

  operation(id: string): Promise<Operation> {
    return this.request('GET', API_ROUTES.operation(id));
  }

  cancelOperation(id: string): Promise<Operation> {
    return this.request('POST', API_ROUTES.operationCancel(id));
  }

  cacheEntries(): Promise<CacheList> {
    return this.request('GET', API_ROUTES.cache);
  }

  /** Purges one cache entry, or every entry when no fingerprint is given. */
  purgeCache(fingerprint?: string): Promise<{ purged: number }> {
    const path =
      fingerprint === undefined
        ? API_ROUTES.cache
        : `${API_ROUTES.cache}/${encodeURIComponent(fingerprint)}`;
    return this.request('DELETE', path);
  }

  createLoginTicket(): Promise<LoginTicket> {
    return this.request('POST', API_ROUTES.loginTickets);
  }

  /**
   * Opens the event stream; resolves once the engine has accepted it, so that nothing
   * that happens afterwards is missed.
   */
  async openEvents(signal: AbortSignal): Promise<AsyncIterable<StreamedEvent>> {
    const response = await this.#send('GET', API_ROUTES.events, undefined, signal, {
      accept: 'text/event-stream',
    });
    if (!response.ok) throw await errorFromResponse(response);
    const body = response.body;
    if (body === null) throw new SkiffError('INTERNAL', 'The engine sent an empty event stream.');
    return decodeEvents(readSse(body, signal));
  }

  async request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const response = await this.#send(
      method,
      path,
      body,
      signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    );
    if (!response.ok) throw await errorFromResponse(response);
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  async #send(
    method: string,
    path: string,
    body: unknown,
    signal: AbortSignal,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    try {
      return await this.fetchImpl(new URL(path, this.baseUrl), {
        method,
        signal,
        headers: {
          authorization: `Bearer ${this.token}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      throw connectionError(this.baseUrl, error);
    }
  }
}

async function* decodeEvents(
  messages: AsyncIterable<{ event: string; data: string; id?: string }>,
): AsyncGenerator<StreamedEvent> {
  for await (const message of messages) {
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch {
      continue;
    }
    const id = message.id === undefined ? undefined : Number(message.id);
    yield {
      type: message.event,
      data,
      ...(id !== undefined && Number.isFinite(id) ? { id } : {}),
    } as StreamedEvent;
  }
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  412: 'FAILED_PRECONDITION',
  499: 'CANCELLED',
  503: 'UNAVAILABLE',
};

export async function errorFromResponse(response: Response): Promise<SkiffError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : body;
  if (isRecord(error) && isErrorCode(error.code) && typeof error.message === 'string') {
    const details = isRecord(error.details) ? error.details : {};
    return new SkiffError(error.code, error.message, details);
  }
  const code = STATUS_CODES[response.status] ?? 'INTERNAL';
  const snippet = text.trim().slice(0, 200);
  return new SkiffError(
    code,
    `The engine answered ${response.status} ${response.statusText}${snippet ? `: ${snippet}` : ''}.`,
  );
}

function connectionError(baseUrl: string, error: unknown): SkiffError {
  if (error instanceof SkiffError) return error;
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return error.name === 'TimeoutError'
      ? new SkiffError(
          'UNAVAILABLE',
          `The engine at ${baseUrl} did not answer in time. ${NOT_RUNNING_MESSAGE}`,
          {},
          { cause: error },
        )
      : new SkiffError('CANCELLED', 'The request was cancelled.', {}, { cause: error });
  }
  return new SkiffError(
    'UNAVAILABLE',
    `${NOT_RUNNING_MESSAGE} (Nothing answers at ${baseUrl}.)`,
    { url: baseUrl },
    { cause: error },
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
