import type { KfpExperimentDetail } from '../../api/kfp-experiments';

export type ExperimentTab = 'active' | 'archived';

/** The experiments of one tab whose name or description holds the search term. */
export function shownExperiments(
  all: readonly KfpExperimentDetail[],
  tab: ExperimentTab,
  search: string,
): KfpExperimentDetail[] {
  const term = search.trim().toLowerCase();
  return all.filter((e) => {
    const archived = e.storage_state === 'ARCHIVED';
    if (archived !== (tab === 'archived')) return false;
    if (!term) return true;
    return (
      e.display_name.toLowerCase().includes(term) ||
      (e.description ?? '').toLowerCase().includes(term)
    );
  });
}
