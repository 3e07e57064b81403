/** What the Cluster page shows for each state and choice: words, tones, what is allowed. */
import type {
  ClusterPreflight,
  ClusterState,
  ClusterStatus,
  ComponentPhase,
  CreateClusterRequest,
  GpuStatus,
  Operation,
  ProviderName,
} from '@skiff/engine/api-contract';
import { CLUSTER_CREATE_STEPS } from '@skiff/engine/api-contract';
import type { Tone } from '../../components/tone';

export type ClusterView = 'wizard' | 'progress' | 'overview' | 'error';

export function viewFor(state: ClusterState): ClusterView {
  if (state === 'NONE') return 'wizard';
  if (state === 'RUNNING' || state === 'STOPPED') return 'overview';
  if (state === 'ERROR') return 'error';
  return 'progress';
}

export const STATE_TEXT: Record<ClusterState, { label: string; tone: Tone }> = {
  NONE: { label: 'No cluster', tone: 'neutral' },
  CREATING: { label: 'Creating', tone: 'accent' },
  INSTALLING: { label: 'Installing', tone: 'accent' },
  RUNNING: { label: 'Running', tone: 'ok' },
  STOPPING: { label: 'Stopping', tone: 'accent' },
  STOPPED: { label: 'Stopped', tone: 'neutral' },
  STARTING: { label: 'Starting', tone: 'accent' },
  DELETING: { label: 'Deleting', tone: 'accent' },
  ERROR: { label: 'Failed', tone: 'danger' },
};

export const PHASE_TONE: Record<ComponentPhase, Tone> = {
  pending: 'neutral',
  applying: 'accent',
  waiting: 'accent',
  ready: 'ok',
  failed: 'danger',
  skipped: 'neutral',
};

export type StepState = 'done' | 'current' | 'pending' | 'failed';

/** The create steps with where the operation stands on each. */
export function createSteps(
  operation: Operation | undefined,
): { name: string; state: StepState }[] {
  const current = operation?.progress.current ?? 0;
  const failed =
    operation !== undefined && operation.state !== 'RUNNING' && operation.state !== 'SUCCEEDED';
  return CLUSTER_CREATE_STEPS.map((name, index) => {
    if (index < current) return { name, state: 'done' };
    if (index === current) return { name, state: failed ? 'failed' : 'current' };
    return { name, state: 'pending' };
  });
}

export const STEP_MARK: Record<StepState, string> = {
  done: '✔ done',
  current: '… in progress',
  pending: 'waiting',
  failed: '✘ failed',
};

/** Whether GPUs can be asked for, and why not when they cannot. */
export function gpuAvailability(gpus: GpuStatus): { available: boolean; reason: string } {
  if (gpus.devices.length > 0) {
    return { available: true, reason: `${gpus.devices.length} NVIDIA GPU(s) found` };
  }
  if (!gpus.nvidiaSmi) {
    return {
      available: false,
      reason: `No NVIDIA GPU detected${gpus.error ? ` (${gpus.error})` : ''}: install the NVIDIA driver and container toolkit to use GPUs.`,
    };
  }
  return { available: false, reason: 'nvidia-smi answered but listed no GPUs.' };
}

export function providerNote(preflight: ClusterPreflight, provider: ProviderName): string {
  const tool = preflight.providers[provider];
  if (!tool.found) return 'not installed';
  return tool.version ? `found, ${tool.version}` : 'found';
}

export interface WizardDraft {
  name: string;
  provider: ProviderName;
  profile: 'lite' | 'full';
  nodes: number;
  gpus: string;
}

/** Why Create is disabled, or null when it may be pressed. */
export function createBlocker(
  draft: WizardDraft,
  preflight: ClusterPreflight | undefined,
): string | null {
  if (preflight === undefined) return 'Checking the machine…';
  if (!preflight.providers[draft.provider].found) return `${draft.provider} is not installed.`;
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(draft.name)) {
    return 'Name: use lowercase letters, digits and "-", starting and ending with a letter or digit.';
  }
  if (!Number.isInteger(draft.nodes) || draft.nodes < 1 || draft.nodes > 5)
    return 'Nodes: choose 1 to 5.';
  if (!preflight.report.ok) return 'Fix the failed checks first.';
  return null;
}

export function toCreateRequest(draft: WizardDraft): CreateClusterRequest {
  return { ...draft };
}

/** The request that recreates a failed cluster as it was asked for. */
export function retryRequest(status: ClusterStatus): CreateClusterRequest | undefined {
  if (status.spec === undefined) return undefined;
  const { name, provider, nodes, gpus } = status.spec;
  return { name, provider, nodes, gpus, ...(status.profile ? { profile: status.profile } : {}) };
}
