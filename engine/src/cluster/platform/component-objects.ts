import { readFile } from 'node:fs/promises';
import { isAbsolute, join, normalize } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { SkiffError } from '../../core/errors.js';
import type { PlatformComponent } from '../cluster-types.js';

/**
 * A component's Kubernetes objects in apply order, read the way the installer applies them:
 * the files its kustomization.yaml lists under `resources:`, each file's documents in turn.
 * Skiff applies the files as written, so a kustomization may hold nothing kustomize would
 * transform (labels, patches, namePrefix…): those would hold in `kubectl apply -k` only.
 */

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
}

export interface ComponentObject {
  /** Path under the bundle, e.g. `mysql/deployment.yaml`. */
  file: string;
  object: KubeObject;
}

const KUSTOMIZATION_KEYS = new Set(['apiVersion', 'kind', 'resources']);

function invalid(file: string, message: string): never {
  throw new SkiffError('INVALID_ARGUMENT', `${file}: ${message}`, { file });
}

/** The local files a component's kustomization.yaml lists, as paths under the bundle. */
export async function kustomizationResources(
  bundleDir: string,
  component: Pick<PlatformComponent, 'path'>,
): Promise<string[]> {
  const file = `${component.path}/kustomization.yaml`;
  let raw: unknown;
  try {
    raw = parse(await readFile(join(bundleDir, file), 'utf8'));
  } catch (error) {
    invalid(file, `cannot be read: ${(error as Error).message}`);
  }
  if (!isRecord(raw) || raw['kind'] !== 'Kustomization') invalid(file, 'is not a Kustomization');
  for (const key of Object.keys(raw)) {
    if (!KUSTOMIZATION_KEYS.has(key)) {
      invalid(
        file,
        `uses "${key}", which Skiff's installer does not apply; write it into the files`,
      );
    }
  }
  const resources = raw['resources'];
  if (!Array.isArray(resources) || resources.length === 0) {
    invalid(file, 'resources must list the component files in apply order');
  }
  return resources.map((entry, i) => {
    const local = typeof entry === 'string' && !isAbsolute(entry) && !entry.includes('://');
    const path = local ? normalize(join(component.path, entry)) : '';
    if (!local || !path.startsWith(`${component.path}/`) || !/\.ya?ml$/.test(path)) {
      invalid(file, `resources[${i}] must be a YAML file inside ${component.path}/`);
    }
    return path;
  });
}

/** Every object of a component, in apply order. */
export async function readComponentObjects(
  bundleDir: string,
  component: Pick<PlatformComponent, 'path'>,
): Promise<ComponentObject[]> {
  const objects: ComponentObject[] = [];
  for (const file of await kustomizationResources(bundleDir, component)) {
    const text = await readFile(join(bundleDir, file), 'utf8');
    for (const object of parseObjects(text, file)) objects.push({ file, object });
  }
  return objects;
}

/** The Kubernetes objects in a multi-document YAML text; empty documents are skipped. */
export function parseObjects(text: string, file: string): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const [i, doc] of parseAllDocuments(text).entries()) {
    if (doc.errors.length > 0) invalid(file, `document ${i + 1}: ${doc.errors[0]?.message}`);
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    if (!isKubeObject(value)) {
      invalid(file, `document ${i + 1} needs apiVersion, kind and metadata.name`);
    }
    objects.push(value);
  }
  return objects;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isKubeObject(value: unknown): value is KubeObject {
  if (!isRecord(value) || !isRecord(value['metadata'])) return false;
  return (
    typeof value['apiVersion'] === 'string' &&
    typeof value['kind'] === 'string' &&
    typeof value['metadata']['name'] === 'string'
  );
}

/** `Deployment kubeflow/ml-pipeline`, how messages name an object. */
export function objectRef(object: KubeObject): string {
  const ns = object.metadata.namespace;
  return `${object.kind} ${ns ? `${ns}/` : ''}${object.metadata.name}`;
}
