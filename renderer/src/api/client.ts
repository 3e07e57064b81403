import {
  API_ROUTES,
  type Operation,
  type OperationList,
  type OperationLogs,
  type Settings,
  type SettingsPatch,
  type SystemInfo,
} from '@skiff/engine/api-contract';
import { createRequest, type ApiClientOptions } from './http-request';

export type { ApiClientOptions, FetchLike } from './http-request';

/** RFC 7386: a merge patch has its own media type (it also keeps cross-origin forms out). */
export const MERGE_PATCH_TYPE = 'application/merge-patch+json';

/** The one typed client for Skiff's /api/v1. Components use it through state modules. */
export function createApiClient(options: ApiClientOptions = {}) {
  const request = createRequest(options);

  return {
    getSystem: (signal?: AbortSignal) =>
      request<SystemInfo>('GET', API_ROUTES.system, signal ? { signal } : {}),

    getSettings: () => request<Settings>('GET', API_ROUTES.settings),

    /** Sends only what changed; `null` removes a key (e.g. an images.map entry). */
    patchSettings: (patch: SettingsPatch) =>
      request<Settings>('PATCH', API_ROUTES.settings, {
        body: patch,
        contentType: MERGE_PATCH_TYPE,
      }),

    listOperations: () => request<OperationList>('GET', API_ROUTES.operations),

    getOperation: (id: string) => request<Operation>('GET', API_ROUTES.operation(id)),

    getOperationLogs: (id: string) => request<OperationLogs>('GET', API_ROUTES.operationLogs(id)),

    /** Asks the engine to stop; the operation's final state arrives as an event. */
    cancelOperation: async (id: string): Promise<void> => {
      await request<unknown>('POST', API_ROUTES.operationCancel(id));
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
