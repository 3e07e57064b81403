import type { TargetRunRequest } from '@skiff/engine/api-contract';
import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../run-create/run-draft';
import { submitToTarget, targetRunRequest } from './submit-target-run';

const draft = () => ({ ...emptyDraft(), pipelineId: 'p', versionId: 'v', name: ' nightly ' });

describe('run on a target', () => {
  it('sends the version, name, parameters and a new experiment’s name', () => {
    const d = { ...draft(), experimentMode: 'new' as const, newExperimentName: 'exp' };
    expect(targetRunRequest(d, { n: 3 }, 'fallback')).toEqual({
      ok: true,
      request: {
        pipelineId: 'p',
        versionId: 'v',
        displayName: 'nightly',
        parameters: { n: 3 },
        experimentName: 'exp',
      },
    });
  });

  it('refuses recurring runs and runs without a stored version', () => {
    const recurring = targetRunRequest({ ...draft(), kind: 'recurring' }, {}, 'f');
    expect(recurring.ok ? '' : recurring.errors['runOn']).toMatch(/Push to target/);
    const unstored = targetRunRequest({ ...draft(), versionId: '' }, {}, 'f');
    expect(unstored.ok ? '' : unstored.errors['pipeline']).toMatch(/stored pipeline/);
  });

  it('goes to the remote run page with the link to the target’s UI', async () => {
    const sent: TargetRunRequest[] = [];
    const result = await submitToTarget(
      'prod',
      draft(),
      {},
      (target, body) => {
        sent.push(body);
        return Promise.resolve({ target, runId: 'r1', url: 'https://kf/r1' });
      },
      'f',
    );
    expect(result).toEqual({
      ok: true,
      href: '/targets/prod/runs/r1?url=https%3A%2F%2Fkf%2Fr1',
    });
    expect(sent[0]?.displayName).toBe('nightly');
  });

  it('reports the engine’s message when the target refuses', async () => {
    const result = await submitToTarget(
      'prod',
      draft(),
      {},
      () => Promise.reject(new Error('401')),
      'f',
    );
    expect(result).toEqual({
      ok: false,
      errors: {},
      message: 'Could not start the run on prod: 401',
    });
  });
});
