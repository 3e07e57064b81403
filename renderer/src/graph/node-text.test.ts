import { describe, expect, it } from 'vitest';
import type { ViewNode } from './graph-view';
import { accessibleName, groupWord, taskDetail } from './node-text';

const base: ViewNode = {
  id: 'train-model',
  key: 'train-model',
  label: 'train-model',
  type: 'task',
  taskKind: 'container',
  componentName: 'comp-train-model',
  runsOnExit: false,
  expanded: false,
  children: [],
  edges: [],
};
const now = Date.parse('2024-01-01T00:01:00Z');

describe('node text', () => {
  it('names a finished task by name, state and duration', () => {
    const node: ViewNode = {
      ...base,
      task: {
        taskId: 't',
        name: 'train-model',
        displayName: 'train-model',
        state: 'SUCCEEDED',
        cached: true,
        startedAt: '2024-01-01T00:00:00Z',
        finishedAt: '2024-01-01T00:00:12Z',
      },
    };
    expect(accessibleName(node, now)).toBe('train-model, Succeeded, 12 s, cached');
  });

  it('names a task before a run by its kind and exit role', () => {
    expect(taskDetail({ ...base, runsOnExit: true }, now)).toBe('Container · runs on exit');
    expect(accessibleName({ ...base, taskKind: 'importer' }, now)).toBe('train-model, Importer');
  });

  it('names groups with their kind, condition and summary', () => {
    const loop: ViewNode = {
      ...base,
      type: 'group',
      group: 'loop',
      label: 'for-loop-2',
      count: 5,
      summary: '4 succeeded · 1 running',
    };
    expect(groupWord(loop)).toBe('ParallelFor ×5');
    expect(accessibleName(loop, now)).toBe('ParallelFor ×5 for-loop-2, 4 succeeded · 1 running');
    const cond: ViewNode = {
      ...base,
      type: 'group',
      group: 'condition',
      label: 'condition-1',
      condition: "x == 'heads'",
    };
    expect(accessibleName(cond, now)).toBe("Condition condition-1, if x == 'heads'");
  });
});
