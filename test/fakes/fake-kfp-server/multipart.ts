/**
 * Just enough `multipart/form-data` parsing for pipeline uploads: each part's field name,
 * its file name and its bytes. The field names are kept so the swagger check can say
 * which one was wrong.
 */
export interface FormPart {
  field: string;
  filename: string;
  content: Buffer;
}

export function parseMultipart(body: Buffer, contentType: string): FormPart[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const chunk = body.subarray(start + delimiter.length, next);
    const headerEnd = chunk.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = chunk.subarray(0, headerEnd).toString('utf8');
      const field = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1] ?? field;
      // The part ends with the CRLF that precedes the next delimiter.
      const content = chunk.subarray(headerEnd + 4, chunk.length - 2);
      parts.push({ field, filename, content });
    }
    start = next;
  }
  return parts;
}
