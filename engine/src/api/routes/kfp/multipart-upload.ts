import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { invalidArgument } from '../../../core/errors.js';

export interface UploadedFile {
  fileName: string;
  data: Uint8Array;
}

/** KFP's upload limit. */
export const MAX_UPLOAD_BYTES = 32 * 1024 * 1024;

/**
 * Reads one file field of a multipart/form-data request (KFP's upload routes send the
 * pipeline as `uploadfile`); other fields and files are drained and ignored.
 */
export function readMultipartFile(
  req: Readable & { headers: IncomingHttpHeaders },
  field: string,
  limit = MAX_UPLOAD_BYTES,
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const type = req.headers['content-type'] ?? '';
    if (!/^multipart\/form-data\b/i.test(type)) {
      reject(
        invalidArgument(
          'content-type',
          `expected multipart/form-data with the file in field "${field}", got "${type || 'nothing'}"`,
        ),
      );
      return;
    }
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { fileSize: limit, files: 10, fields: 100 },
      });
    } catch (error) {
      reject(invalidArgument('content-type', (error as Error).message));
      return;
    }
    const chunks: Buffer[] = [];
    let fileName: string | undefined;
    let tooLarge = false;
    parser.on('file', (name, stream, info) => {
      // A truncated body errors the part's stream too; the parser's own 'error' reports it.
      stream.on('error', () => undefined);
      if (name !== field || fileName !== undefined) {
        stream.resume();
        return;
      }
      fileName = info.filename || field;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        tooLarge = true;
      });
    });
    parser.on('error', (error: Error) => {
      reject(invalidArgument(field, `the multipart body is malformed: ${error.message}`));
    });
    parser.on('close', () => {
      if (tooLarge) {
        reject(
          invalidArgument(
            field,
            `is larger than ${limit / 1024 / 1024} MiB, the most a pipeline may be`,
          ),
        );
      } else if (fileName === undefined) {
        reject(
          invalidArgument(
            field,
            `is missing; send the pipeline file as the multipart form field "${field}"`,
          ),
        );
      } else {
        resolve({ fileName, data: new Uint8Array(Buffer.concat(chunks)) });
      }
    });
    req.once('error', (error: Error) =>
      reject(invalidArgument(field, `the upload broke off: ${error.message}`)),
    );
    req.pipe(parser);
  });
}
