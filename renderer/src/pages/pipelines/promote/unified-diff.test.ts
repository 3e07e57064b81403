import { describe, expect, it } from 'vitest';
import { diffSummary, parseUnifiedDiff } from './unified-diff';

const diff = `--- remote
+++ local
@@ -1,3 +1,3 @@
 pipelineInfo:
-  name: old
+  name: new
+  description: x
`;

describe('unified diff', () => {
  it('marks added and removed lines with their sign and keeps headers apart', () => {
    const lines = parseUnifiedDiff(diff);
    expect(lines.map((l) => l.kind)).toEqual([
      'header',
      'header',
      'hunk',
      'context',
      'removed',
      'added',
      'added',
    ]);
    expect(lines[4]).toEqual({ kind: 'removed', marker: '-', text: '  name: old' });
    expect(lines[3]).toEqual({ kind: 'context', marker: ' ', text: 'pipelineInfo:' });
  });

  it('counts the changes', () => {
    expect(diffSummary(parseUnifiedDiff(diff))).toBe('2 lines added, 1 line removed');
  });

  it('reads an empty diff as no lines', () => {
    expect(parseUnifiedDiff('')).toEqual([]);
  });
});
