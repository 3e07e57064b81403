import { describe, expect, it } from 'vitest';
import { linkLabel, taskFromSearch, taskHref } from './lineage';

describe('lineage links', () => {
  it('opens a run on a task and reads the task back', () => {
    const href = taskHref({ runId: 'r 1', taskId: 't/2' });
    expect(href).toBe('/runs/r%201?task=t%2F2');
    expect(taskFromSearch(new URL(href, 'http://x').search)).toBe('t/2');
    expect(taskFromSearch('')).toBeNull();
  });

  it('names the other run when the task is not in this one', () => {
    const link = { runId: 'abcdef1234', taskId: 't', taskName: 'train #1' };
    expect(linkLabel(link, 'abcdef1234')).toBe('train #1');
    expect(linkLabel(link, 'other')).toBe('train #1 (run abcdef12)');
  });
});
