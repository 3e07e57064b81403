import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../store/database.js';
import { PipelineRepository, type PipelineRecord } from './pipeline-repository.js';
import { PipelineVersionRepository } from './pipeline-version-repository.js';

let db: SqliteDatabase;
let pipelines: PipelineRepository;
let versions: PipelineVersionRepository;

const pipeline = (
  id: string,
  name: string,
  extra: Partial<PipelineRecord> = {},
): PipelineRecord => ({
  pipelineId: id,
  name,
  displayName: name,
  description: '',
  namespace: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  tags: {},
  ...extra,
});

beforeEach(() => {
  db = openDatabase(':memory:');
  pipelines = new PipelineRepository(db);
  versions = new PipelineVersionRepository(db);
});

describe('PipelineRepository', () => {
  it('stores and reads a pipeline with its tags', () => {
    pipelines.insert(pipeline('p1', 'train', { tags: { team: 'ml' }, description: 'trains' }));
    expect(pipelines.get('p1')).toEqual(
      pipeline('p1', 'train', { tags: { team: 'ml' }, description: 'trains' }),
    );
    expect(pipelines.get('nope')).toBeUndefined();
  });

  it('refuses a second pipeline with the same name in a namespace, naming the existing one', () => {
    pipelines.insert(pipeline('p1', 'train'));
    expect(() => pipelines.insert(pipeline('p2', 'train'))).toThrow(
      expect.objectContaining({
        code: 'ALREADY_EXISTS',
        message: expect.stringContaining('(id p1)') as unknown,
      }),
    );
    expect(() => pipelines.insert(pipeline('p3', 'other', { displayName: 'train' }))).toThrow(
      expect.objectContaining({ code: 'ALREADY_EXISTS' }),
    );
    pipelines.insert(pipeline('p4', 'train', { namespace: 'team-b' }));
    expect(pipelines.list({}).totalSize).toBe(2);
  });

  it('finds a pipeline by name, preferring name over display name', () => {
    pipelines.insert(pipeline('p1', 'a', { displayName: 'b' }));
    pipelines.insert(pipeline('p2', 'b', { displayName: 'c' }));
    expect(pipelines.getByName('', 'b')?.pipelineId).toBe('p2');
    expect(pipelines.getByName('', 'c')?.pipelineId).toBe('p2');
    expect(pipelines.getByName('other', 'a')).toBeUndefined();
  });

  it('lists one namespace, or all when none is given', () => {
    pipelines.insert(pipeline('p1', 'a'));
    pipelines.insert(pipeline('p2', 'b', { namespace: 'ns' }));
    expect(pipelines.list({}, 'ns').rows.map((p) => p.pipelineId)).toEqual(['p2']);
    expect(pipelines.list({}).rows.map((p) => p.pipelineId)).toEqual(['p1', 'p2']);
  });

  it('deletes a pipeline together with its versions', () => {
    pipelines.insert(pipeline('p1', 'a'));
    versions.insert({
      pipelineVersionId: 'v1',
      pipelineId: 'p1',
      name: 'a',
      displayName: 'a',
      description: '',
      package: { pipelineSpec: { pipelineInfo: { name: 'a' }, root: {} } },
      createdAt: '2026-01-01T00:00:00.000Z',
      tags: {},
    });
    expect(pipelines.delete('p1')).toBe(true);
    expect(versions.get('v1')).toBeUndefined();
    expect(pipelines.delete('p1')).toBe(false);
  });
});
