import { SkiffError } from '../../core/errors.js';
import type { KubeObject } from '../platform/index.js';

/** The field manager Skiff applies with, so `kubectl` shows who owns the fields. */
export const FIELD_MANAGER = 'skiff';

export interface ObjectKey {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export interface ListQuery {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/**
 * What the installer needs from a Kubernetes API: server-side apply and the reads and
 * deletes around it. `read` and `remove` answer undefined/false for a missing object (or a
 * kind the server does not serve); every other failure is a SkiffError.
 */
export interface ClusterObjects {
  apply(object: KubeObject): Promise<KubeObject>;
  read(key: ObjectKey): Promise<KubeObject | undefined>;
  list(apiVersion: string, kind: string, query?: ListQuery): Promise<KubeObject[]>;
  remove(key: ObjectKey): Promise<boolean>;
  podLog(namespace: string, pod: string, container: string, tailLines: number): Promise<string>;
}

export const keyOf = (object: KubeObject): ObjectKey => ({
  apiVersion: object.apiVersion,
  kind: object.kind,
  name: object.metadata.name,
  ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
});

/** `Deployment kubeflow/ml-pipeline`, how messages name an object. */
export const describeKey = (key: ObjectKey): string =>
  `${key.kind} ${key.namespace ? `${key.namespace}/` : ''}${key.name}`;

/** HTTP status of a client-node ApiException, or undefined for transport failures. */
export function httpStatus(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** A kind the server does not serve (yet): client-node fails its discovery lookup. */
export function isUnservedKind(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return (
    message.startsWith('Unrecognized API version and kind') ||
    (message.startsWith('Failed to fetch resource metadata') && httpStatus(error) === 404)
  );
}

/** Turns a client-node failure into a SkiffError naming the object and what to do. */
export function kubeError(action: string, what: string, error: unknown): SkiffError {
  if (error instanceof SkiffError) return error;
  const status = httpStatus(error);
  const serverMessage =
    statusMessage(error) ?? (error instanceof Error ? error.message : String(error));
  if (status === undefined) {
    return new SkiffError(
      'UNAVAILABLE',
      `Could not ${action} ${what}: the Kubernetes API did not answer (${serverMessage}). Check that the cluster is running (\`skiff cluster status\`), then run the install again: it resumes where it stopped.`,
      { object: what },
      { cause: error },
    );
  }
  return new SkiffError(
    status === 404 ? 'NOT_FOUND' : status === 409 ? 'ALREADY_EXISTS' : 'FAILED_PRECONDITION',
    `Could not ${action} ${what}: the API server answered ${status}: ${serverMessage}`,
    { object: what, status },
    { cause: error },
  );
}

/** The API server's Status message; KubernetesObjectApi leaves the body as JSON text. */
function statusMessage(error: unknown): string | undefined {
  let body: unknown =
    typeof error === 'object' && error !== null ? (error as { body?: unknown }).body : undefined;
  if (typeof body === 'string') {
    const text = body;
    try {
      body = JSON.parse(text);
    } catch {
      return text || undefined;
    }
  }
  return typeof body === 'object' &&
    body !== null &&
    'message' in body &&
    typeof body.message === 'string'
    ? body.message
    : undefined;
}
