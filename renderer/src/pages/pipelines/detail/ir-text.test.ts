import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { irFileName, irYaml } from './ir-text';

describe('irYaml', () => {
  it('writes the spec as YAML with sorted keys', () => {
    const text = irYaml({ schemaVersion: '2.1.0', pipelineInfo: { name: 'p' } });
    expect(text.indexOf('pipelineInfo')).toBeLessThan(text.indexOf('schemaVersion'));
    expect(parse(text)).toEqual({ schemaVersion: '2.1.0', pipelineInfo: { name: 'p' } });
  });

  it('writes a platform spec as a second document', () => {
    const text = irYaml({ pipeline_spec: { root: {} }, platform_spec: { platforms: {} } });
    expect(parseAllDocuments(text).map((d) => d.toJS() as unknown)).toEqual([
      { root: {} },
      { platforms: {} },
    ]);
  });

  it('names the download after the pipeline and version', () => {
    expect(irFileName('Iris Pipeline', 'v2 (fix)')).toBe('iris-pipeline-v2-fix.yaml');
    expect(irFileName('', '')).toBe('pipeline.yaml');
  });
});
