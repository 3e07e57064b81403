/**
 * multipart/form-data bodies (RFC 7578) for KFP's upload routes, built by hand so the
 * bytes sent are exactly the file's, whatever the runtime's FormData does.
 */
import { randomBytes } from 'node:crypto';

export interface MultipartFile {
  /** The form field, e.g. `uploadfile`. */
  field: string;
  fileName: string;
  content: Uint8Array;
  contentType?: string;
}

export interface MultipartBody {
  body: Uint8Array;
  contentType: string;
}

const encoder = new TextEncoder();

export function buildMultipartBody(
  files: readonly MultipartFile[],
  boundary = newBoundary(files),
): MultipartBody {
  const chunks: Uint8Array[] = [];
  for (const file of files) {
    const head =
      `--${boundary}\r\n` +
      `Content-Disposition: form-data; name="${escapeQuoted(file.field)}"; filename="${escapeQuoted(file.fileName)}"\r\n` +
      `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`;
    chunks.push(encoder.encode(head), file.content, encoder.encode('\r\n'));
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  return { body: concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The HTML form encoding of a quoted name: `"`, CR and LF become percent escapes. */
export function escapeQuoted(value: string): string {
  return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A random boundary that none of the files contains. */
function newBoundary(files: readonly MultipartFile[]): string {
  for (;;) {
    const boundary = `----skiff-${randomBytes(16).toString('hex')}`;
    const needle = encoder.encode(boundary);
    if (!files.some((file) => contains(file.content, needle))) return boundary;
  }
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).includes(
    Buffer.from(needle),
  );
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
