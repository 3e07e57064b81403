/** The one message for images a cluster needs that local Docker lacks, with the way out. */
import { SkiffError } from '../../core/errors.js';

export function missingImagesError(missing: readonly string[], what: string): SkiffError {
  const list = missing.map((image) => `  ${image}`).join('\n');
  return new SkiffError(
    'FAILED_PRECONDITION',
    `${missing.length} image(s) ${what} are not in local Docker, and Skiff is offline:\n${list}\nOn a connected machine run \`docker pull ${missing.join(' ')}\`, then \`skiff cluster images save --archive <file>\` there, and \`skiff cluster images load --archive <file>\` here (or \`docker load -i <file>\`).`,
    { missing: [...missing] },
  );
}
