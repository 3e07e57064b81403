import { describe, expect, it } from 'vitest';
import { ERROR_CODES, SkiffError } from '../core/errors.js';
import { EXIT_CODES, exitCodeFor } from './exit-codes.js';

describe('exitCodeFor', () => {
  it('maps every error code to its documented exit code', () => {
    expect(
      Object.fromEntries(ERROR_CODES.map((code) => [code, exitCodeFor(new SkiffError(code, 'x'))])),
    ).toEqual({
      INTERNAL: 1,
      INVALID_ARGUMENT: 2,
      NOT_FOUND: 3,
      ALREADY_EXISTS: 4,
      FAILED_PRECONDITION: 5,
      UNAVAILABLE: 6,
      UNAUTHENTICATED: 7,
      PERMISSION_DENIED: 7,
      CANCELLED: 130,
    });
  });

  it('treats anything that is not a SkiffError as internal, and AbortError as cancelled', () => {
    expect(exitCodeFor(new Error('boom'))).toBe(1);
    expect(exitCodeFor('a string')).toBe(1);
    const abort = new Error('aborted');
    abort.name = 'AbortError';
    expect(exitCodeFor(abort)).toBe(130);
  });

  it('never uses 0 for an error', () => {
    expect(Object.values(EXIT_CODES)).not.toContain(0);
  });
});
