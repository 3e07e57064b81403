import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../store/database.js';
import { ExperimentRepository, type ExperimentRecord } from './experiment-repository.js';

let experiments: ExperimentRepository;

const experiment = (id: string, name: string, namespace = ''): ExperimentRecord => ({
  experimentId: id,
  displayName: name,
  description: '',
  namespace,
  storageState: 'AVAILABLE',
  createdAt: '2026-01-01T00:00:00.000Z',
});

beforeEach(() => {
  experiments = new ExperimentRepository(openDatabase(':memory:'));
});

describe('ExperimentRepository', () => {
  it('stores, finds by name, archives and deletes', () => {
    experiments.insert(experiment('e1', 'Default'));
    expect(experiments.findByName('', 'Default')?.experimentId).toBe('e1');
    expect(experiments.setStorageState('e1', 'ARCHIVED')).toBe(true);
    experiments.touchLastRun('e1', '2026-02-01T00:00:00.000Z');
    expect(experiments.get('e1')).toMatchObject({
      storageState: 'ARCHIVED',
      lastRunCreatedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(experiments.delete('e1')).toBe(true);
    expect(experiments.get('e1')).toBeUndefined();
    expect(experiments.setStorageState('e1', 'AVAILABLE')).toBe(false);
  });

  it('refuses a duplicate display name in a namespace only', () => {
    experiments.insert(experiment('e1', 'x'));
    experiments.insert(experiment('e2', 'x', 'other'));
    expect(() => experiments.insert(experiment('e3', 'x'))).toThrow(
      expect.objectContaining({
        code: 'ALREADY_EXISTS',
        message: expect.stringContaining('(id e1)') as unknown,
      }),
    );
  });

  it('filters on storage state', () => {
    experiments.insert(experiment('e1', 'a'));
    experiments.insert(experiment('e2', 'b'));
    experiments.setStorageState('e1', 'ARCHIVED');
    const filter = JSON.stringify({
      predicates: [{ key: 'storage_state', operation: 'NOT_EQUALS', string_value: 'ARCHIVED' }],
    });
    expect(experiments.list({ filter }).rows.map((e) => e.experimentId)).toEqual(['e2']);
  });
});
