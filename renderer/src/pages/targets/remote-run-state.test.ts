import { describe, expect, it } from 'vitest';
import {
  isFinished,
  remoteRunHref,
  remoteRunLink,
  remoteTime,
  runErrorMessage,
  stateTone,
} from './remote-run-state';

describe('remote run state', () => {
  it('keeps polling while the run is pending or running', () => {
    expect(isFinished(undefined)).toBe(false);
    expect(isFinished({ run_id: 'r', state: 'RUNNING' })).toBe(false);
    expect(isFinished({ run_id: 'r', state: 'PENDING', finished_at: '1970-01-01T00:00:00Z' })).toBe(
      false,
    );
  });

  it('stops at a final state or a real finish time', () => {
    expect(isFinished({ run_id: 'r', state: 'SUCCEEDED' })).toBe(true);
    expect(isFinished({ run_id: 'r', state: 'failed' })).toBe(true);
    expect(isFinished({ run_id: 'r', state: 'CANCELED' })).toBe(true);
    expect(isFinished({ run_id: 'r', finished_at: '2026-01-02T03:04:05Z' })).toBe(true);
  });

  it('reads the error from a status or a string', () => {
    expect(runErrorMessage({ run_id: 'r', error: { code: 2, message: 'OOMKilled' } })).toBe(
      'OOMKilled',
    );
    expect(runErrorMessage({ run_id: 'r', error: 'boom' })).toBe('boom');
    expect(runErrorMessage({ run_id: 'r' })).toBeUndefined();
  });

  it('gives each state a tone and hides epoch times', () => {
    expect(stateTone('SUCCEEDED')).toBe('ok');
    expect(stateTone('FAILED')).toBe('danger');
    expect(stateTone(undefined)).toBe('neutral');
    expect(remoteTime('1970-01-01T00:00:00Z')).toBeUndefined();
    expect(remoteTime(undefined)).toBeUndefined();
  });
});

describe('remote run links', () => {
  it('prefers the engine’s link, then the target’s UI', () => {
    expect(remoteRunLink('?url=https%3A%2F%2Fkf%2Fx', 'r1')).toBe('https://kf/x');
    expect(remoteRunLink('?url=javascript%3Aalert(1)', 'r1')).toBeUndefined();
    expect(remoteRunLink('', 'r 1', { url: 'https://kf/pipeline/', uiUrl: 'https://ui' })).toBe(
      'https://ui/#/runs/details/r%201',
    );
    expect(remoteRunLink('', 'r1', { url: 'https://kf/pipeline/' })).toBe(
      'https://kf/pipeline/#/runs/details/r1',
    );
  });

  it('builds the run page path with the link in the query', () => {
    expect(remoteRunHref('prod', 'r1', 'https://kf/r')).toBe(
      '/targets/prod/runs/r1?url=https%3A%2F%2Fkf%2Fr',
    );
    expect(remoteRunHref('prod', 'r1')).toBe('/targets/prod/runs/r1');
  });
});
