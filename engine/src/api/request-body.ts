import type { IncomingMessage } from 'node:http';
import { invalidArgument, SkiffError } from '../core/errors.js';

const DEFAULT_LIMIT = 1024 * 1024;

/** Reads a JSON body; malformed JSON is INVALID_ARGUMENT saying what is wrong. */
export async function readJsonBody(req: IncomingMessage, limit = DEFAULT_LIMIT): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/(merge-patch\+)?json\b/i.test(type)) {
    throw invalidArgument('content-type', `expected application/json, got "${type || 'nothing'}"`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      throw new SkiffError('INVALID_ARGUMENT', `body: larger than ${limit} bytes`, {
        field: 'body',
      });
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw invalidArgument('body', 'is empty; send a JSON document');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw invalidArgument('body', `is not valid JSON: ${(error as Error).message}`);
  }
}
