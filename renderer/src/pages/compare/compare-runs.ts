export const MIN_RUNS = 2;
export const MAX_RUNS = 10;

/** The run ids of `/compare?runs=a,b`, in order and without repeats, or why they can't be compared. */
export function parseCompareIds(search: string): { ids: string[] } | { error: string } {
  const raw = new URLSearchParams(search).get('runs') ?? '';
  const ids = [
    ...new Set(
      raw
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
  if (ids.length < MIN_RUNS) {
    return {
      error: `Compare needs ${MIN_RUNS} to ${MAX_RUNS} runs; ${ids.length === 0 ? 'none were' : 'only 1 was'} given. Select runs on the Runs page and choose Compare.`,
    };
  }
  if (ids.length > MAX_RUNS) {
    return {
      error: `Compare takes at most ${MAX_RUNS} runs; ${ids.length} were given. Select fewer runs on the Runs page.`,
    };
  }
  return { ids };
}

/**
 * A short name per run for column headers and legends: its display name, with the start
 * of its id added where two runs share a name.
 */
export function runLabels(runs: readonly { run_id: string; display_name: string }[]): string[] {
  const counts = new Map<string, number>();
  for (const run of runs) counts.set(run.display_name, (counts.get(run.display_name) ?? 0) + 1);
  return runs.map((run) =>
    (counts.get(run.display_name) ?? 0) > 1
      ? `${run.display_name} (${run.run_id.slice(0, 8)})`
      : run.display_name,
  );
}
