import {
  entityResources,
  type KubeObjectsByKind,
  type LabelRequirement,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ObjectIndex } from '../ClusterCollector/objectIndex';

/**
 * The entity's objects in one cluster, with the upstream plugin's rules: label selector on every type an
 * entity can own, optionally limited to one namespace. Reads the cluster's label index, so it touches only
 * the candidates.
 */
export function selectEntityObjects(
  index: ObjectIndex,
  requirements: LabelRequirement[],
  namespace?: string,
): KubeObjectsByKind {
  const selected: KubeObjectsByKind = {};
  for (const def of entityResources) {
    selected[def.key] = index.select(def.key, requirements, namespace);
  }
  return selected;
}
