import { describe, expect, it } from 'vitest';
import { collectLabels, emptyDraft, prepareDraft, recurringRunBody, runBody } from './run-draft';
import { formFields } from './run-form';

const fields = formFields({
  root: {
    inputDefinitions: {
      parameters: {
        lr: { parameterType: 'NUMBER_DOUBLE', defaultValue: 0.1 },
        items: { parameterType: 'LIST', isOptional: true },
      },
    },
  },
});

function draft() {
  return { ...emptyDraft(), pipelineId: 'p', versionId: 'v', values: { lr: '0.5', items: '' } };
}

describe('run draft', () => {
  it('collects labels and flags keyless or repeated ones', () => {
    expect(
      collectLabels([
        { key: ' team ', value: 'ml' },
        { key: '', value: '' },
      ]),
    ).toEqual({
      labels: { team: 'ml' },
      errors: {},
    });
    const bad = collectLabels([
      { key: 'a', value: '1' },
      { key: 'a', value: '2' },
      { key: '', value: 'x' },
      { key: 'a b', value: '' },
    ]);
    expect(Object.keys(bad.errors)).toEqual(['label.1', 'label.2', 'label.3']);
  });

  it('keys every error by its control', () => {
    const result = prepareDraft(
      {
        ...emptyDraft(),
        kind: 'recurring',
        values: { lr: 'abc' },
        experimentMode: 'new',
        trigger: { ...emptyDraft().trigger, kind: 'cron', cron: '* *' },
      },
      fields,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      'experiment',
      'name',
      'param.lr',
      'pipeline',
      'trigger.cron',
    ]);
    expect(result.errors['param.lr']).toBe('lr must be a number.');
  });

  it('builds the create-run body with Skiff options', () => {
    const d = { ...draft(), labels: [{ key: 'team', value: 'ml' }], caching: false };
    d.executor = 'process';
    const prepared = prepareDraft(d, fields);
    if (!prepared.ok) throw new Error('expected a valid draft');
    expect(runBody(d, prepared, 'e1', 'fallback')).toEqual({
      display_name: 'fallback',
      pipeline_version_reference: { pipeline_id: 'p', pipeline_version_id: 'v' },
      runtime_config: { parameters: { lr: 0.5 } },
      labels: { team: 'ml' },
      enable_caching: false,
      experiment_id: 'e1',
      executor: 'process',
    });
  });

  it('builds the recurring-run body from the trigger', () => {
    const d = { ...draft(), kind: 'recurring' as const, name: 'nightly' };
    d.trigger = { ...d.trigger, every: '2', unit: 'seconds', catchup: false, maxConcurrency: '1' };
    const prepared = prepareDraft(d, fields);
    if (!prepared.ok) throw new Error('expected a valid draft');
    expect(recurringRunBody(d, prepared, undefined)).toMatchObject({
      display_name: 'nightly',
      trigger: { periodic_schedule: { interval_second: '2' } },
      max_concurrency: '1',
      no_catchup: true,
      mode: 'ENABLE',
    });
  });
});
