/** The one place where error codes become process exit codes. */
import { toSkiffError, type ErrorCode } from '../core/errors.js';

export const EXIT_OK = 0;

export const EXIT_CODES: Readonly<Record<ErrorCode, number>> = {
  INTERNAL: 1,
  INVALID_ARGUMENT: 2,
  NOT_FOUND: 3,
  ALREADY_EXISTS: 4,
  FAILED_PRECONDITION: 5,
  UNAVAILABLE: 6,
  UNAUTHENTICATED: 7,
  PERMISSION_DENIED: 7,
  CANCELLED: 130,
};

export function exitCodeFor(error: unknown): number {
  return EXIT_CODES[toSkiffError(error).code];
}
