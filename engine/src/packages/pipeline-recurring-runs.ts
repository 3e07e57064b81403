/**
 * The recurring runs that belong to one pipeline (or one of its versions), found by
 * listing them all: KFP's list filter has no predicate on the pipeline reference.
 * The page reader is a port so this works against any KFP server, and in tests.
 */
import type { RecurringRunDefinition } from './recurring-run-yaml.js';

export interface RecurringRunPage {
  recurringRuns?: RecurringRunDefinition[];
  next_page_token?: string;
}

export type ReadRecurringRunPage = (pageToken: string | undefined) => Promise<RecurringRunPage>;

/** A guard against a server that hands back the same page token forever. */
const MAX_PAGES = 1000;

export async function recurringRunsOf(
  readPage: ReadRecurringRunPage,
  pipelineId: string,
  versionId?: string,
): Promise<RecurringRunDefinition[]> {
  const found: RecurringRunDefinition[] = [];
  let token: string | undefined;
  const seen = new Set<string>();
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await readPage(token);
    for (const run of answer.recurringRuns ?? []) {
      const reference = run.pipeline_version_reference;
      if (reference?.pipeline_id !== pipelineId) continue;
      if (versionId !== undefined && reference.pipeline_version_id !== versionId) continue;
      found.push(run);
    }
    token = answer.next_page_token;
    if (token === undefined || token === '' || seen.has(token)) break;
    seen.add(token);
  }
  return found;
}
