import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  formatPipelineDetails,
  formatPipelineTable,
  formatSpec,
  formatUpload,
  withoutSpec,
} from './kfp-pipeline-report.js';
import type { KfpPipelineVersion } from './kfp-types.js';

const spec = { pipelineInfo: { name: 'hello' }, root: { dag: { tasks: {} } } };
const version: KfpPipelineVersion = {
  pipeline_id: 'p1',
  pipeline_version_id: 'v1',
  display_name: 'first',
  pipeline_spec: spec,
};

describe('pipeline reports', () => {
  it('prints the ids an upload made', () => {
    expect(formatUpload({ pipeline_id: 'p1', display_name: 'hello' }, version, false)).toBe(
      'Uploaded pipeline "hello".\n  Pipeline ID  p1\n  Version ID   v1 (first)\n' +
        'Run it with `skiff run create p1`.\n',
    );
  });

  it('lists pipelines, or says how to add the first', () => {
    expect(formatPipelineTable([])).toContain('skiff pipeline upload FILE');
    const table = formatPipelineTable([
      { pipeline_id: 'p1', name: 'hello', description: 'Says\n  hello' },
    ]);
    expect(table).toBe('ID  NAME   CREATED  DESCRIPTION\np1  hello           Says hello\n');
  });

  it('shows a pipeline with its versions', () => {
    const text = formatPipelineDetails({ pipeline_id: 'p1', display_name: 'hello' }, [version]);
    expect(text).toContain('Pipeline "hello" (p1)');
    expect(text).toMatch(/VERSION ID\s+NAME\s+CREATED\nv1\s+first/);
  });

  it('writes the spec back as YAML, the platform spec as a second document', async () => {
    const withPlatform = {
      ...version,
      pipeline_spec: { pipeline_spec: spec, platform_spec: { platforms: { kubernetes: {} } } },
    };
    const docs = parseAllDocuments(await formatSpec(withPlatform, false));
    expect(Array.isArray(docs) ? docs.map((doc) => doc.toJS() as unknown) : []).toEqual([
      spec,
      { platforms: { kubernetes: {} } },
    ]);
    expect(JSON.parse(await formatSpec(version, true))).toEqual(spec);
    await expect(formatSpec({ ...version, pipeline_spec: {} }, false)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('leaves the spec out of version summaries', () => {
    expect(withoutSpec(version)).not.toHaveProperty('pipeline_spec');
  });
});
