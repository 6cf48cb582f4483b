import type {
  KubeObject,
  LabelRequirement,
} from '@internal/plugin-jetstream2-kubernetes-common';

// Small hand-made objects for the selection tests: labelled for the entity "shop" in namespace "shop"
// unless told otherwise.

/** The label upstream's kubernetes-id annotation selects on. */
export const ID = 'backstage.io/kubernetes-id';
export const byId: LabelRequirement[] = [
  { key: ID, op: 'in', values: ['shop'] },
];

export const owner = (kind: string, name: string, controller = true) => ({
  apiVersion: 'v1',
  kind,
  name,
  uid: `uid-${name}`,
  controller,
});

export function obj(
  kind: string,
  name: string,
  extra: {
    namespace?: string;
    labels?: Record<string, string>;
    owners?: ReturnType<typeof owner>[];
    spec?: any;
    status?: any;
  } = {},
): KubeObject {
  return {
    kind,
    metadata: {
      name,
      namespace: extra.namespace ?? 'shop',
      labels: extra.labels ?? { [ID]: 'shop' },
      ownerReferences: extra.owners,
    },
    spec: extra.spec ?? {},
    status: extra.status ?? {},
  };
}

export const deployment = (name: string, ready: number, replicas = 1) =>
  obj('Deployment', name, {
    spec: { replicas },
    status: { readyReplicas: ready, replicas, updatedReplicas: replicas },
  });

export const rowIds = (
  rows: { kind: string; namespace: string; name: string }[],
) => rows.map(r => `${r.kind}/${r.namespace}/${r.name}`).sort();
