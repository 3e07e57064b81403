import { ApiError } from '../api/api-error';

/** The life of data fetched from the engine, as the pages show it. */
export type LoadState<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: ApiError };

/** Anything thrown by a request, as an ApiError the UI can show. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError(0, 'INTERNAL', `Something went wrong in the UI: ${message}`);
}
