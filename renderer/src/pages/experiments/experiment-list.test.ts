import { describe, expect, it } from 'vitest';
import { shownExperiments } from './experiment-list';

const all = [
  { experiment_id: '1', display_name: 'Iris', description: 'sklearn' },
  { experiment_id: '2', display_name: 'Old', storage_state: 'ARCHIVED' as const },
  { experiment_id: '3', display_name: 'Default', storage_state: 'AVAILABLE' as const },
];

describe('shown experiments', () => {
  it('splits active from archived', () => {
    expect(shownExperiments(all, 'active', '').map((e) => e.experiment_id)).toEqual(['1', '3']);
    expect(shownExperiments(all, 'archived', '').map((e) => e.experiment_id)).toEqual(['2']);
  });

  it('searches names and descriptions', () => {
    expect(shownExperiments(all, 'active', 'SKLEARN').map((e) => e.experiment_id)).toEqual(['1']);
    expect(shownExperiments(all, 'active', 'zzz')).toEqual([]);
  });
});
