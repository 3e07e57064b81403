/**
 * What the fake API server serves: the built-in kinds Skiff's installer touches, plus the
 * kinds of CustomResourceDefinitions once they are Established — as the real server's
 * discovery does, so client-node's KubernetesObjectApi resolves kinds the same way.
 */

export interface ResourceType {
  group: string; // '' for the core group
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

const core = (kind: string, plural: string, namespaced = true): ResourceType => ({
  group: '',
  version: 'v1',
  kind,
  plural,
  namespaced,
});
const grouped = (
  groupVersion: string,
  kind: string,
  plural: string,
  namespaced = true,
): ResourceType => {
  const [group = '', version = ''] = groupVersion.split('/');
  return { group, version, kind, plural, namespaced };
};

export const BUILT_IN_TYPES: readonly ResourceType[] = [
  core('Namespace', 'namespaces', false),
  core('Node', 'nodes', false),
  core('PersistentVolume', 'persistentvolumes', false),
  core('ServiceAccount', 'serviceaccounts'),
  core('ConfigMap', 'configmaps'),
  core('Secret', 'secrets'),
  core('Service', 'services'),
  core('PersistentVolumeClaim', 'persistentvolumeclaims'),
  core('Pod', 'pods'),
  core('Event', 'events'),
  grouped('apps/v1', 'Deployment', 'deployments'),
  grouped('apps/v1', 'StatefulSet', 'statefulsets'),
  grouped('apps/v1', 'DaemonSet', 'daemonsets'),
  grouped('apps/v1', 'ReplicaSet', 'replicasets'),
  grouped('batch/v1', 'Job', 'jobs'),
  grouped('batch/v1', 'CronJob', 'cronjobs'),
  grouped('rbac.authorization.k8s.io/v1', 'Role', 'roles'),
  grouped('rbac.authorization.k8s.io/v1', 'RoleBinding', 'rolebindings'),
  grouped('rbac.authorization.k8s.io/v1', 'ClusterRole', 'clusterroles', false),
  grouped('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'clusterrolebindings', false),
  grouped('node.k8s.io/v1', 'RuntimeClass', 'runtimeclasses', false),
  grouped('storage.k8s.io/v1', 'StorageClass', 'storageclasses', false),
  grouped('networking.k8s.io/v1', 'Ingress', 'ingresses'),
  grouped('networking.k8s.io/v1', 'NetworkPolicy', 'networkpolicies'),
  grouped('policy/v1', 'PodDisruptionBudget', 'poddisruptionbudgets'),
  grouped('scheduling.k8s.io/v1', 'PriorityClass', 'priorityclasses', false),
  grouped('coordination.k8s.io/v1', 'Lease', 'leases'),
  grouped(
    'admissionregistration.k8s.io/v1',
    'MutatingWebhookConfiguration',
    'mutatingwebhookconfigurations',
    false,
  ),
  grouped(
    'admissionregistration.k8s.io/v1',
    'ValidatingWebhookConfiguration',
    'validatingwebhookconfigurations',
    false,
  ),
  grouped(
    'apiextensions.k8s.io/v1',
    'CustomResourceDefinition',
    'customresourcedefinitions',
    false,
  ),
];

export const groupVersionOf = (type: ResourceType): string =>
  type.group ? `${type.group}/${type.version}` : type.version;

/** `/api/v1` or `/apis/<group>/<version>`: an APIResourceList as the real server writes it. */
export function resourceList(groupVersion: string, types: readonly ResourceType[]): object {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion,
    resources: types
      .filter((type) => groupVersionOf(type) === groupVersion)
      .flatMap((type) => [
        {
          name: type.plural,
          singularName: type.kind.toLowerCase(),
          namespaced: type.namespaced,
          kind: type.kind,
          verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
        },
        {
          name: `${type.plural}/status`,
          singularName: '',
          namespaced: type.namespaced,
          kind: type.kind,
          verbs: ['get', 'patch', 'update'],
        },
      ]),
  };
}

/** `/apis`: an APIGroupList naming every group with at least one served kind. */
export function groupList(types: readonly ResourceType[]): object {
  const versionsByGroup = new Map<string, Set<string>>();
  for (const type of types) {
    if (!type.group) continue;
    const versions = versionsByGroup.get(type.group) ?? new Set<string>();
    versions.add(type.version);
    versionsByGroup.set(type.group, versions);
  }
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...versionsByGroup].map(([name, versions]) => {
      const list = [...versions].map((version) => ({
        groupVersion: `${name}/${version}`,
        version,
      }));
      return { name, versions: list, preferredVersion: list[0] };
    }),
  };
}
