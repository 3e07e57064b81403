import { describe, expect, it } from 'vitest';
import { splitAction } from './resource-action.js';

describe('splitAction', () => {
  it('splits the id from the verb', () => {
    expect(splitAction('abc-1:terminate', ['terminate', 'retry'], '/p')).toEqual({
      id: 'abc-1',
      action: 'terminate',
    });
  });

  it.each(['abc', 'abc:explode', ':retry'])('answers NOT_FOUND for "%s"', (segment) => {
    expect(() => splitAction(segment, ['terminate', 'retry'], '/apis/v2beta1/runs/x')).toThrow(
      expect.objectContaining({
        code: 'NOT_FOUND',
        message: expect.stringContaining(':terminate, :retry') as unknown,
      }),
    );
  });
});
