/**
 * What the Docker daemon's failures mean to the user: each becomes a SkiffError with a
 * code and a message that names what Skiff was doing and, where there is one, the fix.
 */
import { SkiffError } from '../core/errors.js';
import { dockerUnavailable } from './dockerode-docker.js';

export function missingImage(image: string): SkiffError {
  return new SkiffError(
    'FAILED_PRECONDITION',
    `Image "${image}" is not present and Skiff is offline. Build it with \`npm run images\`, or map it to an image you have in Settings → Images.`,
    { image },
  );
}

export function fromDaemon(
  error: unknown,
  where: string,
  doing: string,
  image?: string,
): SkiffError {
  if (error instanceof SkiffError) return error;
  const status = statusCode(error);
  if (status === undefined && errnoCode(error) !== undefined) {
    return dockerUnavailable(where, error);
  }
  const message = daemonMessage(error);
  if (status === 404 && image !== undefined && /no such image/i.test(message)) {
    return missingImage(image);
  }
  const code = status === 404 ? 'NOT_FOUND' : status === 400 ? 'INVALID_ARGUMENT' : 'INTERNAL';
  return new SkiffError(
    code,
    `Docker could not ${doing}: ${message}`,
    { status },
    { cause: error },
  );
}

export function statusCode(error: unknown): number | undefined {
  return isRecord(error) && typeof error.statusCode === 'number' ? error.statusCode : undefined;
}

function errnoCode(error: unknown): string | undefined {
  return isRecord(error) && typeof error.code === 'string' ? error.code : undefined;
}

export function daemonMessage(error: unknown): string {
  const json = isRecord(error) ? error.json : undefined;
  if (isRecord(json) && typeof json.message === 'string') return json.message.trim();
  return error instanceof Error ? error.message : String(error);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
