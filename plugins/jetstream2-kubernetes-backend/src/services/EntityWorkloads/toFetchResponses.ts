import type { FetchResponse } from '@backstage/plugin-kubernetes-common';
import {
  entityResources,
  type KubeObjectsByKind,
} from '@internal/plugin-jetstream2-kubernetes-common';

/** The selected objects as upstream FetchResponse[], which the upstream Kubernetes components render. */
export function toFetchResponses(
  selected: KubeObjectsByKind,
  types: readonly string[] = entityResources.map(d => d.upstreamType),
): FetchResponse[] {
  return entityResources
    .filter(d => types.includes(d.upstreamType))
    .map(
      d =>
        ({
          type: d.upstreamType,
          resources: (selected[d.key] ?? []) as any[],
        } as FetchResponse),
    );
}
