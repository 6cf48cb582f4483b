import type {
  AuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  clusterCost,
  isAllocationEntity,
  jetstream2KubernetesAllocationsReadPermission,
  planScaleDown,
  readAllocation,
  type AllocationResponse,
  type SuRates,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterCollector } from '../ClusterCollector/types';
import { observeSu } from '../History/observeSu';
import type { SuHistoryStore } from '../History/types';
import {
  ownerRefOf,
  type AllocationDirectory,
  type DirectoryView,
} from './createAllocationDirectory';
import {
  summariseAllocation,
  type LiveClusterCost,
} from './summariseAllocation';
import type { AllocationsService } from './types';

export interface AllocationsServiceOptions {
  catalog: CatalogService;
  auth: AuthService;
  permissions: PermissionsService;
  collector: Pick<ClusterCollector, 'clusterNames' | 'watcher'>;
  directory: AllocationDirectory;
  store: SuHistoryStore;
  rates: SuRates;
  bucketMs: number;
  retentionMs: number;
  windowMs: number;
  /** Owners are notified when the runway falls below this many days. */
  warnBelowDays: number;
  now?: () => number;
}

export function createAllocationsService(
  options: AllocationsServiceOptions,
): AllocationsService {
  const { catalog, auth, permissions, collector, directory, store, rates } =
    options;
  const now = options.now ?? Date.now;

  /** The live cost and scale-down estimate of each cluster whose nodes the allocation pays for. */
  function clusterCosts(allocationId: string, view: DirectoryView) {
    const costs: LiveClusterCost[] = [];
    for (const [cluster, id] of view.rules.clusterAllocation) {
      const watcher =
        id === allocationId ? collector.watcher(cluster) : undefined;
      if (!watcher?.state().collectedAt) continue;
      const nodes = watcher.index.list('nodes');
      const pods = watcher.index.list('pods');
      const cost = clusterCost(nodes, pods, rates);
      costs.push({
        cluster,
        suPerHour: cost.suPerHour,
        idleSuPerHour: cost.idleSuPerHour,
        scaleDown: planScaleDown(nodes, pods, rates),
      });
    }
    return costs;
  }

  async function summarise(
    entity: Entity,
    view: DirectoryView,
  ): Promise<AllocationResponse> {
    const entityRef = stringifyEntityRef(entity);
    const read = readAllocation(entity);
    if ('problems' in read) {
      throw new InputError(
        `The catalog entry of ${entityRef} is incomplete: ${read.problems.join(
          ' ',
        )}`,
      );
    }
    const { allocation } = read;
    const id = allocation.allocationId;
    const t = now();
    const clusters = [...view.rules.clusterAllocation]
      .filter(([, a]) => a === id)
      .map(([c]) => c);
    const entityRefs = [...view.rules.entityAllocation]
      .filter(([, a]) => a === id)
      .map(([e]) => e);
    const samples = await store.readSamples({
      since: t - options.retentionMs,
      clusters,
      entityRefs,
    });
    return summariseAllocation({
      entityRef,
      title: entity.metadata.title ?? entity.metadata.name,
      owner: ownerRefOf(entity) ?? '',
      allocation,
      samples,
      live: observeSu({ collector, services: view.services, rates }),
      rules: view.rules,
      titles: new Map(view.services.map(s => [s.entityRef, s.title])),
      clusterCosts: clusterCosts(id, view),
      bucketMs: options.bucketMs,
      windowMs: options.windowMs,
      warnBelowDays: options.warnBelowDays,
      now: t,
    });
  }

  return {
    async getAllocation(ref, { credentials }) {
      const entityRef = stringifyEntityRef({ kind: 'resource', ...ref });
      const [decision] = await permissions.authorize(
        [
          {
            permission: jetstream2KubernetesAllocationsReadPermission,
            resourceRef: entityRef,
          },
        ],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `You are not allowed to read the allocation ${entityRef}: only members of the group that owns it and the platform team are`,
        );
      }
      const entity = await catalog.getEntityByRef(entityRef, {
        credentials: await auth.getOwnServiceCredentials(),
      });
      if (!entity || !isAllocationEntity(entity)) {
        throw new NotFoundError(
          `${entityRef} is not a Jetstream2 allocation in the catalog (a Resource with spec.type jetstream2-allocation)`,
        );
      }
      return summarise(entity, await directory.view());
    },
    async summariseAll() {
      const view = await directory.view();
      const results = [];
      for (const [entityRef, entity] of view.allocations) {
        try {
          results.push({ entityRef, summary: await summarise(entity, view) });
        } catch (error) {
          results.push({ entityRef, problems: [(error as Error).message] });
        }
      }
      return results;
    },
  };
}
