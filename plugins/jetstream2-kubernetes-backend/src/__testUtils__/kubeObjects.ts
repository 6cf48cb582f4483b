import type {
  KubeObject,
  LabelRequirement,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { ObjectIndex } from '../services/ClusterCollector/objectIndex';

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

/**
 * An index with shop's pod web-1 (namespace shop) and web-2 (staging), blog's pod "other", shop's
 * Deployment "web", and a node and an event that carry shop's label (types an entity never owns).
 */
export function shopIndex(): ObjectIndex {
  const index = new ObjectIndex();
  index.upsert('pods', obj('Pod', 'web-1'));
  index.upsert('pods', obj('Pod', 'web-2', { namespace: 'staging' }));
  index.upsert('pods', obj('Pod', 'other', { labels: { [ID]: 'blog' } }));
  index.upsert('deployments', obj('Deployment', 'web'));
  index.upsert('nodes', {
    kind: 'Node',
    metadata: { name: 'n', labels: { [ID]: 'shop' } },
  });
  index.upsert('events', obj('Event', 'e', { labels: { [ID]: 'shop' } }));
  return index;
}
