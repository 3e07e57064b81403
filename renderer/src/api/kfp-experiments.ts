import { createRequest, type ApiClientOptions } from './http-request';
import { KFP_BASE, queryString } from './kfp-client';
import type { KfpPage, ListOptions } from './kfp-types';

export type StorageState = 'AVAILABLE' | 'ARCHIVED';

/** An experiment as KFP v2beta1 answers it. */
export interface KfpExperimentDetail {
  experiment_id: string;
  display_name: string;
  description?: string;
  created_at?: string;
  namespace?: string;
  storage_state?: StorageState;
  last_run_created_at?: string;
}

export interface CreateExperimentRequest {
  display_name: string;
  description?: string;
}

const seg = encodeURIComponent;

/** KFP's ExperimentService: list, get, create, archive, unarchive, delete. */
export function createKfpExperimentsClient(options: ApiClientOptions = {}) {
  const base = createRequest(options);
  const request = <T>(method: string, path: string, body?: unknown): Promise<T> =>
    base<T>(method, `${KFP_BASE}${path}`, body === undefined ? {} : { body });

  return {
    list: (opts: ListOptions = {}) =>
      request<{ experiments?: KfpExperimentDetail[] } & KfpPage>(
        'GET',
        `/experiments${queryString(opts)}`,
      ),
    get: (id: string) => request<KfpExperimentDetail>('GET', `/experiments/${seg(id)}`),
    create: (experiment: CreateExperimentRequest) =>
      request<KfpExperimentDetail>('POST', '/experiments', experiment),
    archive: async (id: string): Promise<void> => {
      await request<unknown>('POST', `/experiments/${seg(id)}:archive`);
    },
    unarchive: async (id: string): Promise<void> => {
      await request<unknown>('POST', `/experiments/${seg(id)}:unarchive`);
    },
    remove: async (id: string): Promise<void> => {
      await request<unknown>('DELETE', `/experiments/${seg(id)}`);
    },
  };
}

export type KfpExperimentsClient = ReturnType<typeof createKfpExperimentsClient>;

/**
 * The app's instance. The session module is imported lazily: it is a rune module, and a
 * static import would stop the unit tests (no Svelte compiler) from loading this file.
 */
export const kfpExperiments = createKfpExperimentsClient({
  onUnauthorized: () => {
    void import('../state/session.svelte').then(({ session }) => session.expire());
  },
});
