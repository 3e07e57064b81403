/**
 * Builds the archives the reader tests upload: zips with fflate and tars with tar-stream,
 * the same libraries (or formats) real tools produce.
 */
import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { pack } from 'tar-stream';

export function zipOf(files: Record<string, string | Uint8Array>, level: 0 | 6 = 6): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(files)) {
    entries[name] = typeof content === 'string' ? strToU8(content) : content;
  }
  return zipSync(entries, { level });
}

export async function tarOf(files: Record<string, string>): Promise<Uint8Array> {
  const archive = pack();
  for (const [name, content] of Object.entries(files)) {
    if (name.endsWith('/')) archive.entry({ name, type: 'directory' });
    else archive.entry({ name }, content);
  }
  archive.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of archive as AsyncIterable<Buffer>) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

export async function tarGzOf(files: Record<string, string>): Promise<Uint8Array> {
  return gzipSync(await tarOf(files));
}

export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
