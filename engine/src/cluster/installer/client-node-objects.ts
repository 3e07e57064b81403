import type { KubeObject } from '../platform/index.js';
import {
  FIELD_MANAGER,
  describeKey,
  httpStatus,
  isUnservedKind,
  keyOf,
  kubeError,
  type ClusterObjects,
  type ObjectKey,
} from './cluster-objects.js';

/** What client-node needs to name an object: apiVersion, kind, name, namespace. */
interface ObjectHeader {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
}

const toSpec = (key: ObjectKey): ObjectHeader => ({
  apiVersion: key.apiVersion,
  kind: key.kind,
  metadata: { name: key.name, ...(key.namespace ? { namespace: key.namespace } : {}) },
});

/** client-node deserializes known kinds into classes; the installer reads plain JSON. */
const plain = (object: unknown): KubeObject => JSON.parse(JSON.stringify(object)) as KubeObject;

/**
 * ClusterObjects through client-node's KubernetesObjectApi, which resolves any kind
 * (custom ones too) through the server's discovery. Loaded lazily: the library is large.
 */
export async function createClientNodeObjects(kubeconfigPath: string): Promise<ClusterObjects> {
  const k8s = await import('@kubernetes/client-node');
  const config = new k8s.KubeConfig();
  config.loadFromFile(kubeconfigPath);
  // Plain JSON in and out: client-node's typed models rename `x-kubernetes-*`, `default`,
  // `enum` and `$ref` in CRD schemas, so serialising by kind silently dropped them (a real
  // kube-apiserver in the tests caught it).
  class PlainObjectApi extends k8s.KubernetesObjectApi {
    protected override getSerializationType(): Promise<string> {
      return Promise.resolve('KubernetesObject');
    }

    static forConfig(kubeConfig: typeof config): PlainObjectApi {
      const api = kubeConfig.makeApiClient(PlainObjectApi);
      api.setDefaultNamespace(kubeConfig);
      return api;
    }
  }
  const objects = PlainObjectApi.forConfig(config);
  const core = config.makeApiClient(k8s.CoreV1Api);
  return {
    async apply(object) {
      try {
        const applied = await objects.patch(
          object,
          undefined,
          undefined,
          FIELD_MANAGER,
          true,
          k8s.PatchStrategy.ServerSideApply,
        );
        return plain(applied);
      } catch (error) {
        throw kubeError('apply', describeKey(keyOf(object)), error);
      }
    },
    async read(key) {
      try {
        return plain(await objects.read(toSpec(key)));
      } catch (error) {
        if (httpStatus(error) === 404 || isUnservedKind(error)) return undefined;
        throw kubeError('read', describeKey(key), error);
      }
    },
    async list(apiVersion, kind, query = {}) {
      try {
        const list = await objects.list(
          apiVersion,
          kind,
          query.namespace,
          undefined,
          undefined,
          undefined,
          query.fieldSelector,
          query.labelSelector,
        );
        return list.items.map(plain);
      } catch (error) {
        if (isUnservedKind(error)) return [];
        throw kubeError('list', `${kind} objects`, error);
      }
    },
    async remove(key) {
      try {
        await objects.delete(toSpec(key), undefined, undefined, undefined, undefined, 'Background');
        return true;
      } catch (error) {
        if (httpStatus(error) === 404 || isUnservedKind(error)) return false;
        throw kubeError('delete', describeKey(key), error);
      }
    },
    async podLog(namespace, pod, container, tailLines) {
      try {
        return await core.readNamespacedPodLog({ name: pod, namespace, container, tailLines });
      } catch (error) {
        throw kubeError('read the log of', `pod ${namespace}/${pod}`, error);
      }
    },
  };
}
