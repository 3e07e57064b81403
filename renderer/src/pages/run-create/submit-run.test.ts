import { describe, expect, it } from 'vitest';
import { emptyDraft } from './run-draft';
import { formFields } from './run-form';
import { submitDraft, type SubmitApi } from './submit-run';

const fields = formFields({
  root: { inputDefinitions: { parameters: { n: { parameterType: 'NUMBER_INTEGER' } } } },
});

function fakeApi(fail?: string) {
  const calls: string[] = [];
  const api: SubmitApi = {
    createExperiment: (body) => {
      calls.push(`experiment ${body.display_name}`);
      return Promise.resolve({ experiment_id: 'e9', display_name: body.display_name });
    },
    createRun: (body) => {
      calls.push(`run ${body.experiment_id ?? ''}`);
      return fail
        ? Promise.reject(new Error(fail))
        : Promise.resolve({ run_id: 'r1', display_name: '', created_at: '', state: 'PENDING' });
    },
    createRecurringRun: (body) => {
      calls.push(`recurring ${body.display_name}`);
      return fail
        ? Promise.reject(new Error(fail))
        : Promise.resolve({ recurring_run_id: 'rr1', display_name: body.display_name });
    },
  };
  return { api, calls };
}

const draft = () => ({ ...emptyDraft(), pipelineId: 'p', versionId: 'v', values: { n: '3' } });

describe('submit run', () => {
  it('stops a wrongly typed parameter before any request', async () => {
    const { api, calls } = fakeApi();
    const result = await submitDraft({ ...draft(), values: { n: 'x' } }, fields, api, 'f');
    expect(result).toMatchObject({ ok: false, errors: { 'param.n': 'n must be a whole number.' } });
    expect(calls).toEqual([]);
  });

  it('creates the new experiment first, then the run', async () => {
    const { api, calls } = fakeApi();
    const d = { ...draft(), experimentMode: 'new' as const, newExperimentName: 'exp' };
    expect(await submitDraft(d, fields, api, 'f')).toEqual({ ok: true, href: '/runs/r1' });
    expect(calls).toEqual(['experiment exp', 'run e9']);
  });

  it('puts the engine message next to the field it names', async () => {
    const message = 'trigger.cron_schedule.cron: the second field "99" is out of range';
    const { api } = fakeApi(message);
    const d = { ...draft(), kind: 'recurring' as const, name: 'nightly' };
    d.trigger = { ...d.trigger, kind: 'cron', cron: '99 * * * * *' };
    expect(await submitDraft(d, fields, api, 'f')).toEqual({
      ok: false,
      errors: { 'trigger.cron': message },
      message,
    });
  });
});
