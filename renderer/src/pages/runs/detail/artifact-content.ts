import { errorFromNetworkFailure, errorFromResponse } from '../../../api/api-error';
import type { FetchLike } from '../../../api/http-request';

/** How many bytes a preview reads: enough for a page of text or 100 CSV rows. */
export const PREVIEW_BYTES = 256 * 1024;

export interface PreviewBytes {
  text: string;
  contentType: string;
  /** The file is longer than what was read (the engine says so in a header). */
  truncated: boolean;
}

/**
 * The first bytes of an artifact, as text. Previews need the body itself (CSV, JSON,
 * text, folder listings), which the JSON request helper does not give.
 */
export async function fetchPreview(
  url: string,
  fetchImpl: FetchLike = (input, init) => globalThis.fetch(input, init),
  signal?: AbortSignal,
): Promise<PreviewBytes> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      credentials: 'same-origin',
      ...(signal ? { signal } : {}),
    });
  } catch (cause) {
    throw errorFromNetworkFailure(cause);
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) throw errorFromResponse(response.status, response.statusText, text);
  return {
    text,
    contentType: response.headers.get('content-type') ?? '',
    truncated: response.headers.get('x-skiff-truncated') === 'true',
  };
}
