import { createRequest, type ApiClientOptions } from './http-request';
import { KFP_BASE } from './kfp-client';
import type { KfpExperiment, KfpRun } from './kfp-types';
import { session } from '../state/session.svelte';

/** The run fields the detail page reads beyond KfpRun (KFP's own JSON names). */
export interface KfpRunDetail extends KfpRun {
  description?: string;
  /** `AVAILABLE` or `ARCHIVED`. */
  storage_state?: string;
  /** Present when the run has no stored pipeline version to point at. */
  pipeline_spec?: Record<string, unknown>;
}

const seg = encodeURIComponent;

/** KFP run calls that the detail page needs and kfp-client.ts does not have. */
export function createKfpRunActions(options: ApiClientOptions = {}) {
  const request = createRequest(options);
  const path = (p: string) => `${KFP_BASE}${p}`;
  return {
    getRunDetail: (id: string) => request<KfpRunDetail>('GET', path(`/runs/${seg(id)}`)),

    deleteRun: async (id: string): Promise<void> => {
      await request<unknown>('DELETE', path(`/runs/${seg(id)}`));
    },

    archiveRun: async (id: string): Promise<void> => {
      await request<unknown>('POST', path(`/runs/${seg(id)}:archive`));
    },

    unarchiveRun: async (id: string): Promise<void> => {
      await request<unknown>('POST', path(`/runs/${seg(id)}:unarchive`));
    },

    getExperiment: (id: string) => request<KfpExperiment>('GET', path(`/experiments/${seg(id)}`)),
  };
}

export type KfpRunActions = ReturnType<typeof createKfpRunActions>;

/** The app's instance, on the same session as `kfp`. */
export const kfpRunActions = createKfpRunActions({ onUnauthorized: () => session.expire() });
