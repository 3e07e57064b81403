import { createRequest, type ApiClientOptions } from './http-request';
import { KFP_BASE, queryString } from './kfp-client';
import type { KfpPage, KfpRun, ListRunsOptions } from './kfp-types';

/** A run as the list shows it: KFP's run plus its storage state and Skiff's labels. */
export interface KfpRunRow extends KfpRun {
  storage_state?: 'AVAILABLE' | 'ARCHIVED';
  labels?: Record<string, string>;
}

export interface KfpRunPage extends KfpPage {
  runs?: KfpRunRow[];
}

/** A per-run action the runs list offers in bulk. */
export type RunAction = 'archive' | 'unarchive' | 'terminate' | 'delete';

const seg = encodeURIComponent;

/** The run calls of KFP's v2beta1 API that the runs list and compare pages need. */
export function createKfpRunsClient(options: ApiClientOptions = {}) {
  const request = createRequest(options);
  const path = (suffix: string) => `${KFP_BASE}/runs${suffix}`;

  return {
    listRuns: (opts: ListRunsOptions = {}, signal?: AbortSignal) =>
      request<KfpRunPage>('GET', path(queryString(opts)), signal ? { signal } : {}),

    getRun: (id: string) => request<KfpRunRow>('GET', path(`/${seg(id)}`)),

    /** `:archive`, `:unarchive` and `:terminate` are POSTs; delete is a DELETE. */
    act: async (id: string, action: RunAction): Promise<void> => {
      if (action === 'delete') await request<unknown>('DELETE', path(`/${seg(id)}`));
      else await request<unknown>('POST', path(`/${seg(id)}:${action}`));
    },
  };
}

export type KfpRunsClient = ReturnType<typeof createKfpRunsClient>;
