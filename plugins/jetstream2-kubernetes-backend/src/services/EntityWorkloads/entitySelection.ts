import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  entitySelector,
  parseLabelSelector,
  type LabelRequirement,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterCollector } from '../ClusterCollector/types';
import { selectEntityObjects } from './selectEntityObjects';
import type { EntityClusterSelection } from './types';

/** How an entity finds its objects: upstream's annotations, parsed. */
export interface EntitySelection {
  selector: ReturnType<typeof entitySelector>;
  requirements: LabelRequirement[];
}

/** The entity's selector; an InputError naming the entity when its label-selector annotation is invalid. */
export function parseEntitySelection(entity: Entity): EntitySelection {
  const selector = entitySelector(entity);
  try {
    return {
      selector,
      requirements: parseLabelSelector(selector.labelSelector),
    };
  } catch (err) {
    throw new InputError(
      `Entity ${stringifyEntityRef(
        entity,
      )} has an invalid backstage.io/kubernetes-label-selector annotation: ${
        (err as Error).message
      }`,
    );
  }
}

/** The selected objects in every configured cluster, in order, with each cluster's status. */
export function selectInClusters(
  collector: Pick<ClusterCollector, 'clusterNames' | 'watcher'>,
  { selector, requirements }: EntitySelection,
): EntityClusterSelection[] {
  return collector.clusterNames().map(name => {
    const watcher = collector.watcher(name);
    if (!watcher) {
      return { cluster: name, status: 'pending', objects: {} };
    }
    const state = watcher.state();
    return {
      cluster: name,
      title: state.title,
      status: state.status,
      error: state.error,
      collectedAt: state.collectedAt,
      unreachableSince: state.unreachableSince,
      objects: selectEntityObjects(
        watcher.index,
        requirements,
        selector.namespace,
      ),
    };
  });
}
