import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { KUBERNETES_ANNOTATION } from '@backstage/plugin-kubernetes-common';
import {
  ALLOCATION_ENTITY_TYPE,
  allocationIdOf,
  isAllocationEntity,
  type ChargeRules,
} from '@internal/plugin-jetstream2-kubernetes-common';
import {
  parseEntitySelection,
  type EntitySelection,
} from '../EntityWorkloads/entitySelection';

const LABEL_SELECTOR_ANNOTATION = 'backstage.io/kubernetes-label-selector';

/** A service whose workloads the portal can find (it has a Kubernetes annotation). */
export interface DirectoryService {
  entityRef: string;
  title: string;
  /** The owning group or user, as an entity ref. */
  owner?: string;
  selection: EntitySelection;
}

/** What the catalog says about allocations, clusters and services, read at once. */
export interface DirectoryView {
  services: DirectoryService[];
  /** Allocation Resources by entity ref. */
  allocations: Map<string, Entity>;
  rules: ChargeRules;
}

export interface AllocationDirectory {
  /** The catalog's answer, read at most once per `ttlMs` (the last good one when a read fails). */
  view(): Promise<DirectoryView>;
}

/** The entity's owner as a full entity ref, from its ownedBy relation or spec.owner. */
export function ownerRefOf(entity: Entity): string | undefined {
  const relation = entity.relations?.find(r => r.type === 'ownedBy');
  if (relation) return relation.targetRef;
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || !owner) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

const hasWorkloads = (e: Entity) => {
  const a = e.metadata.annotations ?? {};
  return Boolean(a[KUBERNETES_ANNOTATION] || a[LABEL_SELECTOR_ANNOTATION]);
};

/** Turns the catalog's entities into the view (pure). Services with an invalid selector are left out. */
export function toDirectoryView(entities: Entity[]): DirectoryView {
  const services: DirectoryService[] = [];
  const allocations = new Map<string, Entity>();
  const clusterAllocation = new Map<string, string>();
  const entityAllocation = new Map<string, string>();
  for (const entity of entities) {
    const entityRef = stringifyEntityRef(entity);
    const allocationId = allocationIdOf(entity);
    if (isAllocationEntity(entity)) {
      allocations.set(entityRef, entity);
      continue;
    }
    if (entity.kind.toLocaleLowerCase('en-US') === 'resource') {
      if (allocationId)
        clusterAllocation.set(entity.metadata.name, allocationId);
      continue;
    }
    if (allocationId) entityAllocation.set(entityRef, allocationId);
    if (!hasWorkloads(entity)) continue;
    let selection: EntitySelection;
    try {
      selection = parseEntitySelection(entity);
    } catch {
      continue; // the entity's own tab says what is wrong with its selector
    }
    services.push({
      entityRef,
      title: entity.metadata.title ?? entity.metadata.name,
      owner: ownerRefOf(entity),
      selection,
    });
  }
  return {
    services,
    allocations,
    rules: { clusterAllocation, entityAllocation },
  };
}

/** Reads Components and the cluster and allocation Resources with the plugin's own credentials. */
export function createAllocationDirectory(options: {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  ttlMs: number;
  now?: () => number;
}): AllocationDirectory {
  const { catalog, auth, logger, ttlMs } = options;
  const now = options.now ?? Date.now;
  let last: { view: DirectoryView; at: number } | undefined;
  let inFlight: Promise<DirectoryView> | undefined;

  async function read(): Promise<DirectoryView> {
    try {
      const { items } = await catalog.getEntities(
        {
          filter: [
            { kind: 'Component' },
            {
              kind: 'Resource',
              'spec.type': ['kubernetes-cluster', ALLOCATION_ENTITY_TYPE],
            },
          ],
          fields: [
            'apiVersion',
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.title',
            'metadata.annotations',
            'spec',
            'relations',
          ],
        },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      last = { view: toDirectoryView(items), at: now() };
      return last.view;
    } catch (error) {
      if (!last) throw error;
      logger.warn(
        `Could not read allocations and services from the catalog: ${
          (error as Error).message
        }; using the last answer`,
      );
      last.at = now();
      return last.view;
    }
  }

  return {
    view() {
      if (last && now() - last.at < ttlMs) return Promise.resolve(last.view);
      inFlight ??= read().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
  };
}
