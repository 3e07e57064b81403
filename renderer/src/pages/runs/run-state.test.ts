import { describe, expect, it } from 'vitest';
import {
  availableActions,
  formatDuration,
  isFinished,
  runStateLabel,
  runStateTone,
} from './run-state';

describe('run state formatting', () => {
  it('gives each state a tone and a word', () => {
    expect(runStateTone('SUCCEEDED')).toBe('ok');
    expect(runStateTone('FAILED')).toBe('danger');
    expect(runStateTone('RUNNING')).toBe('accent');
    expect(runStateTone('CANCELED')).toBe('warn');
    expect(runStateTone('RUNTIME_STATE_UNSPECIFIED')).toBe('neutral');
    expect(runStateLabel('SUCCEEDED')).toBe('Succeeded');
    expect(runStateLabel('RUNTIME_STATE_UNSPECIFIED')).toBe('Unknown');
    expect(isFinished('FAILED')).toBe(true);
    expect(isFinished('RUNNING')).toBe(false);
  });

  it('formats durations', () => {
    const start = '2026-01-01T00:00:00.000Z';
    expect(formatDuration(undefined)).toBe('');
    expect(formatDuration(start, '2026-01-01T00:00:04.200Z')).toBe('4.2 s');
    expect(formatDuration(start, '2026-01-01T00:03:05.000Z')).toBe('3 min 5 s');
    expect(formatDuration(start, '2026-01-01T01:02:00.000Z')).toBe('1 h 2 min');
    expect(formatDuration(start, undefined, Date.parse('2026-01-01T00:00:01.000Z'))).toBe('1.0 s');
  });

  it('offers terminate while running, retry after a failure, delete once finished', () => {
    expect(availableActions('RUNNING')).toEqual({
      terminate: true,
      retry: false,
      delete: false,
      archive: true,
      restore: false,
    });
    expect(availableActions('FAILED', 'ARCHIVED')).toEqual({
      terminate: false,
      retry: true,
      delete: true,
      archive: false,
      restore: true,
    });
    expect(availableActions('CANCELING').terminate).toBe(false);
  });
});
