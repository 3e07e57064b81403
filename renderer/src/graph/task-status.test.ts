import { describe, expect, it } from 'vitest';
import { durationText, groupState, stateLabel, stateSummary, stateTone } from './task-status';

describe('task status words', () => {
  it('gives every state a tone and a label', () => {
    expect(stateTone('SUCCEEDED')).toBe('ok');
    expect(stateTone('SKIPPED')).toBe('skipped');
    expect(stateTone(undefined)).toBe('none');
    expect(stateLabel('RUNNING')).toBe('Running');
    expect(stateLabel(undefined)).toBe('Not started');
  });

  it('formats durations in whole seconds, minutes and hours', () => {
    const t0 = '2024-01-01T00:00:00Z';
    expect(durationText(t0, '2024-01-01T00:00:12.4Z')).toBe('12 s');
    expect(durationText(t0, '2024-01-01T00:03:05Z')).toBe('3 min 5 s');
    expect(durationText(t0, '2024-01-01T01:02:00Z')).toBe('1 h 2 min');
    expect(durationText(t0, undefined, Date.parse('2024-01-01T00:00:30Z'))).toBe('30 s');
    expect(durationText(undefined)).toBe('');
  });

  it('summarises states with the most urgent first', () => {
    expect(stateSummary(['SUCCEEDED', 'RUNNING', 'SUCCEEDED', undefined])).toBe(
      '1 running · 2 succeeded · 1 not started',
    );
    expect(groupState(['SUCCEEDED', 'FAILED', 'RUNNING'])).toBe('FAILED');
    expect(groupState([undefined])).toBeUndefined();
  });
});
