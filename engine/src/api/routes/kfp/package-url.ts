import { posix } from 'node:path';
import { SkiffError, invalidArgument } from '../../../core/errors.js';
import { MAX_UPLOAD_BYTES, type UploadedFile } from './multipart-upload.js';

const TIMEOUT_MS = 30_000;

/**
 * Downloads `package_url.pipeline_url` (http or https, at most 32 MiB) as KFP's
 * CreatePipelineVersion does. Offline, prefer the upload routes.
 */
export async function downloadPackage(pipelineUrl: string, field: string): Promise<UploadedFile> {
  let url: URL;
  try {
    url = new URL(pipelineUrl);
  } catch {
    throw invalidArgument(field, `"${pipelineUrl}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidArgument(
      field,
      `only http and https URLs can be fetched; upload a local file with POST /apis/v2beta1/pipelines/upload instead`,
    );
  }
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
  } catch (error) {
    throw new SkiffError(
      'UNAVAILABLE',
      `${field}: cannot fetch ${url.href}: ${(error as Error).message}. Check the URL and the network, or upload the file instead.`,
      { field },
      { cause: error },
    );
  }
  if (!response.ok) {
    throw invalidArgument(
      field,
      `fetching ${url.href} answered ${response.status} ${response.statusText}`,
    );
  }
  const data = await readLimited(response, field);
  return { fileName: posix.basename(url.pathname) || 'pipeline.yaml', data };
}

async function readLimited(response: Response, field: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = (response.body as ReadableStream<Uint8Array> | null)?.getReader();
  for (let part = await reader?.read(); part && !part.done; part = await reader?.read()) {
    size += part.value.length;
    if (size > MAX_UPLOAD_BYTES) {
      await reader?.cancel();
      throw invalidArgument(field, `the file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB`);
    }
    chunks.push(part.value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
