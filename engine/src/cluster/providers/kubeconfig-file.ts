/**
 * Skiff keeps its own kubeconfig per cluster (mode 0600) and touches the user's
 * ~/.kube/config only when asked: a merge that first leaves a backup beside it.
 */
import { copyFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { SkiffError } from '../../core/errors.js';

const LISTS = ['clusters', 'contexts', 'users'] as const;

/** Writes credentials readable by the user alone, atomically (no half-written file). */
export async function writeKubeconfigFile(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content, { mode: 0o600 });
  await rename(temporary, file);
}

export interface MergeResult {
  /** Where the previous file was copied, or undefined when there was none. */
  backup?: string;
  /** The contexts that came from `from`. */
  contexts: string[];
}

/**
 * Adds `from`'s clusters, contexts and users to `into`, replacing entries of the same
 * name; `into`'s current-context stays unless it had none.
 */
export async function mergeKubeconfig(
  from: string,
  into: string,
  now: Date = new Date(),
): Promise<MergeResult> {
  const source = await readConfig(from, true);
  const target = await readConfig(into, false);
  const merged: Record<string, unknown> = {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    ...target,
  };
  for (const key of LISTS) merged[key] = mergeNamed(named(target[key]), named(source[key]));
  if (typeof merged['current-context'] !== 'string' || merged['current-context'] === '') {
    merged['current-context'] = source['current-context'] ?? '';
  }
  let backup: string | undefined;
  if (Object.keys(target).length > 0) {
    backup = `${into}.skiff-backup-${now.toISOString().replaceAll(':', '-')}`;
    await copyFile(into, backup);
  }
  await writeKubeconfigFile(into, stringify(merged));
  const contexts = named(source.contexts).map((entry) => entry.name);
  return backup === undefined ? { contexts } : { backup, contexts };
}

interface NamedEntry {
  name: string;
  [key: string]: unknown;
}

async function readConfig(file: string, required: boolean): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (!required) return {};
    throw new SkiffError(
      'NOT_FOUND',
      `Kubeconfig ${file} could not be read. Create the cluster first, or write its kubeconfig again with \`skiff cluster kubeconfig\`.`,
      { file },
      { cause: error },
    );
  }
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch (error) {
    throw invalidKubeconfig(file, error);
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw invalidKubeconfig(file);
  return parsed as Record<string, unknown>;
}

function invalidKubeconfig(file: string, cause?: unknown): SkiffError {
  return new SkiffError(
    'INVALID_ARGUMENT',
    `${file} is not a kubeconfig (YAML with clusters, contexts and users). Fix or move it, then merge again.`,
    { file },
    { cause },
  );
}

function named(value: unknown): NamedEntry[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is NamedEntry =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as { name?: unknown }).name === 'string',
  );
}

function mergeNamed(existing: NamedEntry[], incoming: NamedEntry[]): NamedEntry[] {
  const replaced = new Set(incoming.map((entry) => entry.name));
  return [...existing.filter((entry) => !replaced.has(entry.name)), ...incoming];
}
