/** Validates a create request at the edge: every error names the field and the fix. */
import { invalidArgument } from '../../core/errors.js';
import type { GpuRequest, PlatformProfile, ProviderName } from '../cluster-types.js';

export interface ValidCreateRequest {
  name: string;
  provider: ProviderName;
  profile: PlatformProfile;
  nodes: number;
  gpus: GpuRequest;
}

export const CREATE_DEFAULTS: ValidCreateRequest = {
  name: 'skiff',
  provider: 'kind',
  profile: 'lite',
  nodes: 1,
  gpus: 'none',
};

export const PROVIDERS: readonly ProviderName[] = ['kind', 'k3d'];
export const PROFILES: readonly PlatformProfile[] = ['lite', 'full'];
export const MAX_NODES = 5;
const MAX_GPUS = 16;
// DNS-1123 label, and short enough for kind/k3d to prefix node and network names.
const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MAX_NAME = 32;

export function validateCreateRequest(body: unknown): ValidCreateRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidArgument(
      'body',
      'send a JSON object such as {"provider":"kind","profile":"lite"}',
    );
  }
  const request = body as Record<string, unknown>;
  const known = new Set(['name', 'provider', 'profile', 'nodes', 'gpus']);
  for (const key of Object.keys(request)) {
    if (!known.has(key)) throw invalidArgument(key, `unknown field; use ${[...known].join(', ')}`);
  }
  return {
    name: parseName(request.name ?? CREATE_DEFAULTS.name),
    provider: parseProvider(request.provider ?? CREATE_DEFAULTS.provider),
    profile: parseProfile(request.profile ?? CREATE_DEFAULTS.profile),
    nodes: parseNodes(request.nodes ?? CREATE_DEFAULTS.nodes),
    gpus: parseGpus(request.gpus ?? CREATE_DEFAULTS.gpus),
  };
}

export function parseName(value: unknown): string {
  if (typeof value !== 'string' || value.length > MAX_NAME || !NAME.test(value)) {
    throw invalidArgument(
      'name',
      `"${String(value)}" is not a valid cluster name; use up to ${MAX_NAME} lowercase letters, digits and "-", starting and ending with a letter or digit (e.g. "skiff")`,
    );
  }
  return value;
}

export function parseProvider(value: unknown): ProviderName {
  if (!PROVIDERS.includes(value as ProviderName)) {
    throw invalidArgument('provider', `"${String(value)}" is not a provider; use kind or k3d`);
  }
  return value as ProviderName;
}

export function parseProfile(value: unknown): PlatformProfile {
  if (!PROFILES.includes(value as PlatformProfile)) {
    throw invalidArgument('profile', `"${String(value)}" is not a profile; use lite or full`);
  }
  return value as PlatformProfile;
}

function parseNodes(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_NODES) {
    throw invalidArgument(
      'nodes',
      `${String(value)} is not allowed; use a whole number from 1 to ${MAX_NODES}`,
    );
  }
  return value;
}

/** 'none', 'all', [0, 1] or "0,1". */
export function parseGpus(value: unknown): GpuRequest {
  if (value === 'none' || value === 'all') return value;
  const parts = typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value;
  const fix = 'use "none", "all" or GPU indexes such as "0,1" (see nvidia-smi -L)';
  if (!Array.isArray(parts) || parts.length === 0 || parts.length > MAX_GPUS) {
    throw invalidArgument('gpus', `${JSON.stringify(value)} is not a GPU request; ${fix}`);
  }
  const indexes = parts.map((part: unknown) =>
    typeof part === 'string' && /^\d+$/.test(part) ? Number(part) : part,
  );
  if (
    !indexes.every((index) => typeof index === 'number' && Number.isInteger(index) && index >= 0)
  ) {
    throw invalidArgument('gpus', `${JSON.stringify(value)} is not a GPU request; ${fix}`);
  }
  const unique = [...new Set(indexes as number[])];
  if (unique.length !== indexes.length) {
    throw invalidArgument('gpus', `${JSON.stringify(value)} lists a GPU twice; ${fix}`);
  }
  return unique;
}

export function gpusEnabled(gpus: GpuRequest): boolean {
  return gpus !== 'none';
}
