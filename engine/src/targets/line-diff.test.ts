import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './line-diff.js';

describe('unifiedDiff', () => {
  it('is empty when nothing changed', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n')).toBe('');
  });

  it('shows a changed line with its context and hunk header', () => {
    const before = ['1', '2', '3', '4', '5', 'old', '7'].join('\n');
    const after = ['1', '2', '3', '4', '5', 'new', '7'].join('\n');
    expect(unifiedDiff(before, after, 'remote', 'local')).toBe(
      [
        '--- remote',
        '+++ local',
        '@@ -3,5 +3,5 @@',
        ' 3',
        ' 4',
        ' 5',
        '-old',
        '+new',
        ' 7',
        '',
      ].join('\n'),
    );
  });
});
