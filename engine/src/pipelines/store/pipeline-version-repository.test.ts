import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../store/database.js';
import { PipelineRepository } from './pipeline-repository.js';
import {
  PipelineVersionRepository,
  type PipelineVersionRecord,
} from './pipeline-version-repository.js';

let versions: PipelineVersionRepository;

const version = (
  id: string,
  name: string,
  createdAt: string,
  extra: Partial<PipelineVersionRecord> = {},
): PipelineVersionRecord => ({
  pipelineVersionId: id,
  pipelineId: 'p1',
  name,
  displayName: name,
  description: '',
  package: { pipelineSpec: { pipelineInfo: { name: 'p' }, root: { dag: { tasks: {} } } } },
  createdAt,
  tags: {},
  ...extra,
});

beforeEach(() => {
  const db = openDatabase(':memory:');
  new PipelineRepository(db).insert({
    pipelineId: 'p1',
    name: 'p',
    displayName: 'p',
    description: '',
    namespace: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    tags: {},
  });
  versions = new PipelineVersionRepository(db);
});

describe('PipelineVersionRepository', () => {
  it('keeps the spec and the platform spec losslessly, field order included', () => {
    const pkg = {
      pipelineSpec: {
        pipelineInfo: { name: 'p' },
        root: {},
        schemaVersion: '2.1.0',
        sdkVersion: 'kfp-2.7.0',
      },
      platformSpec: { platforms: { kubernetes: { deploymentSpec: { executors: {} } } } },
    };
    versions.insert(
      version('v1', 'one', '2026-01-01T00:00:00.000Z', {
        package: pkg,
        packageUrl: 'https://x/p.yaml',
        codeSourceUrl: 'https://git',
      }),
    );
    const stored = versions.get('v1');
    expect(stored?.package).toEqual(pkg);
    expect(JSON.stringify(stored?.package)).toBe(JSON.stringify(pkg));
    expect(stored).toMatchObject({ packageUrl: 'https://x/p.yaml', codeSourceUrl: 'https://git' });
  });

  it('refuses a duplicate name within a pipeline', () => {
    versions.insert(version('v1', 'one', '2026-01-01T00:00:00.000Z'));
    expect(() => versions.insert(version('v2', 'one', '2026-01-02T00:00:00.000Z'))).toThrow(
      expect.objectContaining({ code: 'ALREADY_EXISTS' }),
    );
  });

  it('knows the latest version and how many there are', () => {
    versions.insert(version('v1', 'one', '2026-01-01T00:00:00.000Z'));
    versions.insert(version('v2', 'two', '2026-01-02T00:00:00.000Z'));
    versions.insert(version('v3', 'three', '2026-01-02T00:00:00.000Z'));
    expect(versions.latest('p1')?.pipelineVersionId).toBe('v3');
    expect(versions.countByPipeline('p1')).toBe(3);
    expect(versions.list('p1', { sortBy: 'name' }).rows.map((v) => v.name)).toEqual([
      'one',
      'three',
      'two',
    ]);
    expect(versions.delete('v3')).toBe(true);
    expect(versions.latest('p1')?.pipelineVersionId).toBe('v2');
  });
});
