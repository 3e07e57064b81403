import type { ErrorCode } from '@skiff/engine/api-contract';

/** Every failed API call ends as an ApiError: the HTTP status plus the engine's code and message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when no answer came back (engine down, network error). */
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get unauthorized(): boolean {
    return this.status === 401;
  }
}

// A Record over every ErrorCode, so a code added to the engine fails the type check here.
const KNOWN_CODES: Record<ErrorCode, true> = {
  INVALID_ARGUMENT: true,
  NOT_FOUND: true,
  ALREADY_EXISTS: true,
  FAILED_PRECONDITION: true,
  UNAVAILABLE: true,
  CANCELLED: true,
  INTERNAL: true,
  UNAUTHENTICATED: true,
  PERMISSION_DENIED: true,
};

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(KNOWN_CODES, value);
}

/** The code to assume when an error answer has no usable body. */
export function codeForStatus(status: number): ErrorCode {
  if (status === 400 || status === 422) return 'INVALID_ARGUMENT';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'PERMISSION_DENIED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'ALREADY_EXISTS';
  if (status === 412) return 'FAILED_PRECONDITION';
  if (status === 499) return 'CANCELLED';
  if (status === 502 || status === 503 || status === 504) return 'UNAVAILABLE';
  return 'INTERNAL';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Builds an ApiError from an error answer, using the `{code, message}` body when there is one. */
export function errorFromResponse(status: number, statusText: string, bodyText: string): ApiError {
  let body: unknown = null;
  try {
    body = JSON.parse(bodyText);
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): fall back on the status.
  }
  const fallback = `The Skiff engine answered ${status}${statusText ? ` ${statusText}` : ''}.`;
  if (!isRecord(body)) return new ApiError(status, codeForStatus(status), fallback);

  const code = isErrorCode(body['code']) ? body['code'] : codeForStatus(status);
  const message =
    typeof body['message'] === 'string' && body['message'].trim() !== ''
      ? body['message']
      : fallback;
  const details = isRecord(body['details']) ? body['details'] : {};
  return new ApiError(status, code, message, details);
}

/** The error for a request that got no answer at all. */
export function errorFromNetworkFailure(cause: unknown): ApiError {
  if (cause instanceof DOMException && cause.name === 'AbortError') {
    return new ApiError(0, 'CANCELLED', 'The request was cancelled.');
  }
  return new ApiError(
    0,
    'UNAVAILABLE',
    'Cannot reach the Skiff engine. Check that it is running (start the desktop app or run `skiff up`), then try again.',
  );
}
