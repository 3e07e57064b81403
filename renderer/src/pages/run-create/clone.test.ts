import { describe, expect, it } from 'vitest';
import { cloneDraft } from './clone';
import { formFields } from './run-form';

const spec = {
  root: {
    inputDefinitions: {
      parameters: {
        n: { parameterType: 'NUMBER_INTEGER', defaultValue: 1 },
        tags: { parameterType: 'LIST', defaultValue: [] },
      },
    },
  },
};

describe('clone draft', () => {
  it('copies the pipeline, values and Skiff options of a run', () => {
    const draft = cloneDraft(
      {
        run_id: 'r',
        display_name: 'train',
        created_at: '',
        state: 'SUCCEEDED',
        experiment_id: 'e',
        pipeline_version_reference: { pipeline_id: 'p', pipeline_version_id: 'v' },
        runtime_config: { parameters: { n: 5 } },
        labels: { team: 'ml' },
        enable_caching: false,
        executor: 'docker',
      },
      formFields(spec),
    );
    expect(draft).toMatchObject({
      name: 'Clone of train',
      pipelineId: 'p',
      versionId: 'v',
      values: { n: '5', tags: '[]' },
      experimentId: 'e',
      labels: [{ key: 'team', value: 'ml' }],
      caching: false,
      executor: 'docker',
    });
  });

  it('keeps an inline spec when the run has no stored version', () => {
    const draft = cloneDraft(
      { run_id: 'r', display_name: 'x', created_at: '', state: 'FAILED', pipeline_spec: spec },
      formFields(spec),
    );
    expect(draft.inlineSpec).toBe(spec);
    expect(draft.caching).toBe(true);
    expect(draft.executor).toBe('');
  });
});
