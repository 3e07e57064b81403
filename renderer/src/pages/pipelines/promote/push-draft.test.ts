import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/api-error';
import {
  defaultParameters,
  emptyPushDraft,
  pushOutcome,
  pushRequestFromDraft,
  refusedLocalImages,
} from './push-draft';

describe('push draft', () => {
  it('sends the chosen version with its defaults and no schedule', () => {
    const result = pushRequestFromDraft(emptyPushDraft('prod', ' v2 '), 'p1', 'v1', { n: 3 });
    expect(result).toEqual({
      ok: true,
      target: 'prod',
      request: { pipelineId: 'p1', versionId: 'v1', versionName: 'v2', parameters: { n: 3 } },
    });
  });

  it('adds a cron or interval schedule and force', () => {
    const cron = pushRequestFromDraft(
      { ...emptyPushDraft('prod'), scheduleMode: 'cron', cron: '0 0 * * * *', force: true },
      'p1',
      undefined,
    );
    expect(cron).toMatchObject({
      ok: true,
      request: { schedule: { cron: '0 0 * * * *' }, force: true },
    });
    const every = pushRequestFromDraft(
      { ...emptyPushDraft('prod'), scheduleMode: 'interval', intervalSeconds: '60' },
      'p1',
      undefined,
    );
    expect(every).toMatchObject({ ok: true, request: { schedule: { intervalSecond: 60 } } });
  });

  it('names the wrong fields', () => {
    const result = pushRequestFromDraft(
      { ...emptyPushDraft(''), scheduleMode: 'cron', cron: '* * * * *' },
      'p1',
      undefined,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.target).toMatch(/^Target/);
    expect(result.errors.cron).toMatch(/6 fields/);
    const every = pushRequestFromDraft(
      { ...emptyPushDraft('prod'), scheduleMode: 'interval', intervalSeconds: '1.5' },
      'p1',
      undefined,
    );
    expect(every.ok ? '' : every.errors.intervalSeconds).toMatch(/^Every/);
  });
});

describe('default parameters', () => {
  it('takes the defaults of the root inputs, wrapped or not', () => {
    const spec = {
      root: {
        inputDefinitions: {
          parameters: { n: { parameterType: 'NUMBER_INTEGER', defaultValue: 3 }, s: {} },
        },
      },
    };
    expect(defaultParameters(spec)).toEqual({ n: 3 });
    expect(defaultParameters({ pipeline_spec: spec })).toEqual({ n: 3 });
    expect(defaultParameters(undefined)).toEqual({});
  });
});

describe('push answers', () => {
  const base = { remotePipelineId: 'p', remoteVersionId: 'v', localImages: [], url: 'u' };

  it('tells unchanged, a diff to confirm and a done push apart', () => {
    expect(pushOutcome({ ...base, unchanged: true })).toBe('unchanged');
    expect(pushOutcome({ ...base, unchanged: false, uploaded: false, diff: '-a\n+b' })).toBe(
      'needs-force',
    );
    expect(pushOutcome({ ...base, unchanged: false, uploaded: true, diff: '-a\n+b' })).toBe(
      'pushed',
    );
  });

  it('lists the images of a local-images refusal only', () => {
    const refusal = new ApiError(412, 'FAILED_PRECONDITION', 'no', {
      field: 'localImages',
      localImages: ['local/a:1', 3],
    });
    expect(refusedLocalImages(refusal)).toEqual(['local/a:1']);
    expect(refusedLocalImages(new Error('x'))).toEqual([]);
  });

  it('asks to allow local images only when ticked', () => {
    const draft = { ...emptyPushDraft('prod'), allowLocalImages: true };
    expect(pushRequestFromDraft(draft, 'p', undefined)).toMatchObject({
      ok: true,
      request: { allowLocalImages: true },
    });
  });
});
