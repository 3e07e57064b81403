/**
 * How large a pipeline package may be. Compiled KFP pipelines are kilobytes to a few
 * megabytes; the cap keeps a hostile upload (or a zip bomb) from exhausting memory.
 */
import { SkiffError } from '../../core/errors.js';

/** The most bytes a pipeline file may have, as uploaded and once decompressed. */
export const MAX_PIPELINE_BYTES = 32 * 1024 * 1024;

/** The deepest nesting of mappings and lists a pipeline document may have. */
export const MAX_DOCUMENT_DEPTH = 100;

/** The most values a document may expand to, YAML aliases included. */
export const MAX_DOCUMENT_VALUES = 1_000_000;

export function tooLarge(name: string): SkiffError {
  return new SkiffError(
    'INVALID_ARGUMENT',
    `"${name}" is larger than ${MAX_PIPELINE_BYTES / 1024 / 1024} MB (uncompressed); a pipeline file must be smaller.`,
    { limitBytes: MAX_PIPELINE_BYTES },
  );
}
