import busboy from 'busboy';
import { describe, expect, it } from 'vitest';
import { buildMultipartBody, escapeQuoted } from './kfp-multipart-body.js';

interface Part {
  field: string;
  fileName: string;
  content: Buffer;
}

/** Parses a multipart body the way the engine does (busboy). */
function parseMultipart(body: Uint8Array, contentType: string): Promise<Part[]> {
  return new Promise((resolve, reject) => {
    const parts: Part[] = [];
    const parser = busboy({ headers: { 'content-type': contentType } });
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () =>
        parts.push({ field, fileName: info.filename ?? '', content: Buffer.concat(chunks) }),
      );
    });
    parser.on('close', () => resolve(parts));
    parser.on('error', reject);
    parser.end(Buffer.from(body));
  });
}

describe('buildMultipartBody', () => {
  it('writes one file part with the field, file name and exact bytes', () => {
    const content = new TextEncoder().encode('a: 1\n');
    const { body, contentType } = buildMultipartBody(
      [{ field: 'uploadfile', fileName: 'p.yaml', content }],
      'XyZ',
    );
    expect(contentType).toBe('multipart/form-data; boundary=XyZ');
    expect(new TextDecoder().decode(body)).toBe(
      '--XyZ\r\n' +
        'Content-Disposition: form-data; name="uploadfile"; filename="p.yaml"\r\n' +
        'Content-Type: application/octet-stream\r\n\r\n' +
        'a: 1\n\r\n' +
        '--XyZ--\r\n',
    );
  });

  it('round-trips binary content through the engine’s multipart parser', async () => {
    const content = new Uint8Array(256).map((_, i) => i);
    const { body, contentType } = buildMultipartBody([
      { field: 'uploadfile', fileName: 'pipe "x".zip', content },
    ]);
    const [part, ...others] = await parseMultipart(body, contentType);
    expect(others).toEqual([]);
    expect(part?.field).toBe('uploadfile');
    expect(new Uint8Array(part?.content ?? [])).toEqual(content);
    expect(part?.fileName).toBe('pipe %22x%22.zip');
  });

  it('picks a boundary the content does not contain', () => {
    const { body, contentType } = buildMultipartBody([
      { field: 'f', fileName: 'a', content: new TextEncoder().encode('----skiff-') },
    ]);
    const boundary = contentType.split('boundary=')[1] ?? '';
    expect(boundary).toMatch(/^----skiff-[0-9a-f]{32}$/);
    const text = new TextDecoder().decode(body);
    expect(text.split(boundary).length).toBe(3);
  });
});

describe('escapeQuoted', () => {
  it('percent-escapes quotes and line breaks', () => {
    expect(escapeQuoted('a"b\r\nc')).toBe('a%22b%0D%0Ac');
  });
});
