import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readMultipartFile } from './multipart-upload.js';

/** A request-like stream carrying `form` encoded as the fetch API encodes it. */
async function multipart(form: FormData): Promise<Readable & { headers: Record<string, string> }> {
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const body = Buffer.from(await request.arrayBuffer());
  return Object.assign(Readable.from([body]), {
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
  });
}

describe('readMultipartFile', () => {
  it('reads the named file field with its file name, ignoring other fields', async () => {
    const form = new FormData();
    form.append('note', 'hello');
    form.append('other', new Blob(['ignored']), 'other.txt');
    form.append('uploadfile', new Blob(['pipelineInfo: {name: x}\n']), 'hello.yaml');
    const file = await readMultipartFile(await multipart(form), 'uploadfile');
    expect(file.fileName).toBe('hello.yaml');
    expect(Buffer.from(file.data).toString()).toBe('pipelineInfo: {name: x}\n');
  });

  it('keeps binary content byte for byte', async () => {
    const bytes = new Uint8Array([0x1f, 0x8b, 0, 255, 13, 10, 45, 45]);
    const form = new FormData();
    form.append('uploadfile', new Blob([bytes]), 'p.tar.gz');
    expect((await readMultipartFile(await multipart(form), 'uploadfile')).data).toEqual(bytes);
  });

  it('names the field when it is missing', async () => {
    const form = new FormData();
    form.append('file', new Blob(['x']), 'p.yaml');
    await expect(readMultipartFile(await multipart(form), 'uploadfile')).rejects.toThrow(
      'uploadfile: is missing; send the pipeline file as the multipart form field "uploadfile"',
    );
  });

  it('refuses a file over the limit', async () => {
    const form = new FormData();
    form.append('uploadfile', new Blob(['x'.repeat(100)]), 'p.yaml');
    await expect(readMultipartFile(await multipart(form), 'uploadfile', 10)).rejects.toThrow(
      'is larger than',
    );
  });

  it('refuses a body that is not multipart', async () => {
    const req = Object.assign(Readable.from([Buffer.from('{}')]), {
      headers: { 'content-type': 'application/json' },
    });
    await expect(readMultipartFile(req, 'uploadfile')).rejects.toThrow(
      /content-type: expected multipart\/form-data/,
    );
  });

  it('refuses a truncated multipart body', async () => {
    const req = Object.assign(
      Readable.from([
        Buffer.from(
          '--xyz\r\nContent-Disposition: form-data; name="uploadfile"; filename="a"\r\n\r\nabc',
        ),
      ]),
      {
        headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      },
    );
    await expect(readMultipartFile(req, 'uploadfile')).rejects.toThrow('uploadfile');
  });
});
