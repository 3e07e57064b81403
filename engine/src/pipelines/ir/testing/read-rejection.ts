/**
 * The SkiffError INVALID_ARGUMENT that reading `data` throws; fails the test when the
 * file is accepted or something else is thrown.
 */
import { SkiffError } from '../../../core/errors.js';
import { readPipelinePackage } from '../package-reader.js';

export function readRejection(data: Uint8Array, fileName?: string): SkiffError {
  try {
    readPipelinePackage(data, fileName);
  } catch (error) {
    if (error instanceof SkiffError && error.code === 'INVALID_ARGUMENT') return error;
    throw error;
  }
  throw new Error('the file was accepted');
}
