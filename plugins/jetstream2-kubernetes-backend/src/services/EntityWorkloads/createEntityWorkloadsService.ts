import type {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  stringifyEntityRef,
  type CompoundEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  entitySelector,
  jetstream2KubernetesWorkloadsReadPermission,
  parseLabelSelector,
  type EntityPodUsage,
  type EntityWorkloadsResponse,
  type LabelRequirement,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { ClusterCollector } from '../ClusterCollector/types';
import { selectEntityObjects } from './selectEntityObjects';
import { toPodMetrics, withPodRef } from './toPodMetrics';
import { computeEntityWorkloads } from './computeEntityWorkloads';
import { TtlCache } from './ttlCache';
import { createViewTracker } from './viewTracker';
import type {
  EntityClusterSelection,
  EntityWorkloadsService,
  EntityWorkloadsView,
  WatchedEntity,
} from './types';

export interface EntityWorkloadsServiceOptions {
  catalog: CatalogService;
  auth: AuthService;
  permissions: PermissionsService;
  collector: ClusterCollector;
  /**
   * How long an entity read from the catalog, and a permission decision for one user and entity, are
   * reused. A user who loses access keeps it for at most this long. Default 30 s.
   */
  cacheTtlMs?: number;
  /** At most this many events per entity view. Default 200. */
  maxEvents?: number;
}

const MAX_WATCHED = 1000;

interface CachedView {
  /** The tracker's version of the entity when the view was made. */
  version: string;
  /** The clusters' status when the view was made (see clustersStamp). */
  stamp: string;
  selectorText: string;
  view: EntityWorkloadsView;
  /** A client took the gzipped body, so a refresh makes it too. */
  wasGzipped?: boolean;
}

function parseSelector(entity: Entity) {
  const selector = entitySelector(entity);
  let requirements: LabelRequirement[];
  try {
    requirements = parseLabelSelector(selector.labelSelector);
  } catch (err) {
    throw new InputError(
      `Entity ${stringifyEntityRef(
        entity,
      )} has an invalid backstage.io/kubernetes-label-selector annotation: ${
        (err as Error).message
      }`,
    );
  }
  return { selector, requirements };
}

export function createEntityWorkloadsService(
  options: EntityWorkloadsServiceOptions,
): EntityWorkloadsService {
  const { catalog, auth, permissions, collector } = options;
  const ttlMs = options.cacheTtlMs ?? 30_000;
  const maxEvents = options.maxEvents ?? 200;
  const entities = new TtlCache<string, Entity | null>(ttlMs, 5000);
  const decisions = new TtlCache<string, boolean>(ttlMs, 20000);
  const views = new TtlCache<string, CachedView>(10 * 60_000, 5000);
  const tracker = createViewTracker({
    index: cluster => collector.watcher(cluster)?.index,
  });
  collector.onChange(tracker.onChange);
  const watcherIds = new WeakMap<object, number>();
  let nextWatcherId = 0;
  const watched = new Map<string, WatchedEntity>();

  async function authorize(
    entityRef: string,
    credentials: BackstageCredentials,
  ) {
    const principal = credentials.principal as {
      type: string;
      userEntityRef?: string;
      subject?: string;
    };
    const who = principal.userEntityRef ?? principal.subject ?? principal.type;
    const key = `${who}|${entityRef}`;
    let allowed = decisions.get(key);
    if (allowed === undefined) {
      const [decision] = await permissions.authorize(
        [
          {
            permission: jetstream2KubernetesWorkloadsReadPermission,
            resourceRef: entityRef,
          },
        ],
        { credentials },
      );
      allowed = decision.result === AuthorizeResult.ALLOW;
      decisions.set(key, allowed);
    }
    if (!allowed) {
      throw new NotAllowedError(
        `You are not allowed to read the Kubernetes workloads of ${entityRef}`,
      );
    }
  }

  async function loadEntity(ref: CompoundEntityRef): Promise<Entity> {
    const entityRef = stringifyEntityRef(ref);
    let entity = entities.get(entityRef);
    if (entity === undefined) {
      entity =
        (await catalog.getEntityByRef(ref, {
          credentials: await auth.getOwnServiceCredentials(),
        })) ?? null;
      entities.set(entityRef, entity);
    }
    if (!entity) throw new NotFoundError(`Entity ${entityRef} not found`);
    return entity;
  }

  function remember(
    entityRef: string,
    requirements: LabelRequirement[],
    namespace?: string,
  ) {
    if (!watched.has(entityRef) && watched.size >= MAX_WATCHED) {
      watched.delete(watched.keys().next().value as string);
    }
    watched.set(entityRef, { entityRef, requirements, namespace });
  }

  /**
   * The clusters' status as a view shows it, in a few characters per cluster (which watcher, status,
   * error, unreachable since, collected or not). Object changes are followed by the view tracker.
   */
  function clustersStamp(): string {
    let stamp = '';
    for (const name of collector.clusterNames()) {
      const watcher = collector.watcher(name);
      if (!watcher) {
        stamp += `|${name}:-`;
        continue;
      }
      let id = watcherIds.get(watcher);
      if (id === undefined) {
        id = nextWatcherId++;
        watcherIds.set(watcher, id);
      }
      const state = watcher.state();
      stamp += `|${name}:${id}:${state.status}:${state.error?.message ?? ''}:${
        state.unreachableSince ?? ''
      }:${state.collectedAt ? 1 : 0}`;
    }
    return stamp;
  }

  function selectAll(
    requirements: LabelRequirement[],
    namespace?: string,
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
        objects: selectEntityObjects(watcher.index, requirements, namespace),
      };
    });
  }

  /**
   * The entity's view: from the cache while the tracker reports no change to anything it reads and its
   * clusters' status is the same (a few comparisons, whatever the entity's size); computed afresh otherwise.
   */
  function currentView(
    entityRef: string,
    entity: Entity,
  ): { view: EntityWorkloadsView; response?: EntityWorkloadsResponse } {
    const selectorInfo = parseSelector(entity);
    const { selector, requirements } = selectorInfo;
    remember(entityRef, requirements, selector.namespace);
    const selectorText = `${selector.labelSelector}|${
      selector.namespace ?? ''
    }`;
    const stamp = clustersStamp();
    const hit = views.get(entityRef);
    if (
      hit &&
      hit.selectorText === selectorText &&
      hit.stamp === stamp &&
      hit.version === tracker.version(entityRef)
    ) {
      return { view: hit.view };
    }
    tracker.track(entityRef, requirements, selector.namespace);
    const version = tracker.version(entityRef);
    const selections = selectAll(requirements, selector.namespace);
    const response = computeEntityWorkloads({
      entityRef,
      selector,
      selections,
      indexOf: cluster => collector.watcher(cluster)?.index,
      maxEvents,
    });
    const body = JSON.stringify(response);
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    if (hit && hit.view.etag === etag) {
      // the tracker was cautious: same content, keep the view (and its gzipped body)
      Object.assign(hit, { stamp, version, selectorText });
      views.set(entityRef, hit);
      return { view: hit.view, response };
    }
    let gz: Buffer | undefined;
    const fresh: CachedView = {
      version,
      stamp,
      selectorText,
      view: {
        etag,
        body,
        gzipped: () => {
          if (!gz) {
            gz = gzipSync(body, { level: 6 });
            fresh.wasGzipped = true;
          }
          return gz;
        },
      },
    };
    views.set(entityRef, fresh);
    return { view: fresh.view, response };
  }

  async function view(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<{
    view: EntityWorkloadsView;
    response?: EntityWorkloadsResponse;
  }> {
    const entityRef = stringifyEntityRef(ref);
    await authorize(entityRef, credentials);
    const entity = await loadEntity(ref);
    return currentView(entityRef, entity);
  }

  /**
   * Brings the cached views of these entities up to date after a change, before the change notice goes
   * out, so the pages' refetches (and every later view) find them made. Only entities with a cached view
   * and a cached catalog entry are refreshed; the others are computed when asked for. Yields between
   * entities so requests are not held up behind a batch.
   */
  async function refreshViews(entityRefs: Iterable<string>): Promise<number> {
    let refreshed = 0;
    for (const entityRef of entityRefs) {
      const old = views.get(entityRef);
      const entity = entities.get(entityRef);
      if (!old || !entity) continue;
      try {
        const { view: now } = currentView(entityRef, entity);
        if (now !== old.view) {
          refreshed += 1;
          if (old.wasGzipped) now.gzipped();
        }
      } catch {
        // an invalid selector: the request path reports it
      }
      await new Promise(resolve => setImmediate(resolve));
    }
    return refreshed;
  }

  /**
   * The usage of the entity's pods per cluster: the same pod selection as the view (label and namespace
   * index), never cached with it, and without touching the entity's view or its place among the watched.
   */
  async function getPodUsage(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<EntityPodUsage[]> {
    const entityRef = stringifyEntityRef(ref);
    await authorize(entityRef, credentials);
    const entity = await loadEntity(ref);
    const { selector, requirements } = parseSelector(entity);
    return collector.clusterNames().map(cluster => {
      const watcher = collector.watcher(cluster);
      const podUsage = watcher?.state().podUsage;
      if (!watcher || !podUsage || podUsage.size === 0) {
        return { cluster, podMetrics: [] };
      }
      const pods = watcher.index.select(
        'pods',
        requirements,
        selector.namespace,
      );
      return {
        cluster,
        podMetrics: toPodMetrics(pods, podUsage).map(withPodRef),
      };
    });
  }

  return {
    async getEntityWorkloads(ref, { credentials }) {
      const result = await view(ref, credentials);
      return result.response ?? JSON.parse(result.view.body);
    },
    async getEntityWorkloadsView(ref, { credentials }) {
      return (await view(ref, credentials)).view;
    },
    selectForEntity(entity) {
      const { selector, requirements } = parseSelector(entity);
      return selectAll(requirements, selector.namespace);
    },
    watchedEntities: () => [...watched.values()],
    refreshViews,
    getPodUsage: (ref, { credentials }) => getPodUsage(ref, credentials),
    async getPodLogs(ref, request, { credentials }) {
      const entityRef = stringifyEntityRef(ref);
      await authorize(entityRef, credentials);
      const entity = await loadEntity(ref);
      const { selector, requirements } = parseSelector(entity);
      const watcher = collector.watcher(request.cluster);
      const notFound = new NotFoundError(
        `Pod ${request.namespace}/${request.pod} is not one of ${entityRef}'s pods in cluster ${request.cluster}`,
      );
      if (!watcher) throw notFound;
      const pod = watcher.index
        .select('pods', requirements, selector.namespace)
        .find(
          p =>
            p.metadata?.namespace === request.namespace &&
            p.metadata?.name === request.pod,
        );
      if (!pod) throw notFound;
      const containers = [
        ...(pod.spec?.initContainers ?? []),
        ...(pod.spec?.containers ?? []),
      ].map((c: any) => c.name as string);
      if (request.container && !containers.includes(request.container)) {
        throw new InputError(
          `Pod ${request.namespace}/${request.pod} has no container "${
            request.container
          }"; its containers are ${containers.join(', ')}`,
        );
      }
      let res: { status: number; body: string };
      try {
        res = await watcher.podLogs({
          ...request,
          container: request.container ?? pod.spec?.containers?.[0]?.name,
        });
      } catch (err) {
        throw new NotFoundError(
          `Cluster ${request.cluster} could not be reached for the log: ${
            (err as Error).message
          }`,
        );
      }
      if (res.status >= 200 && res.status < 300) return res.body;
      let message = res.body.slice(0, 300);
      try {
        message = JSON.parse(res.body).message ?? message;
      } catch {
        // a plain-text error
      }
      if (res.status === 400) throw new InputError(message);
      if (res.status === 404) throw new NotFoundError(message);
      throw new NotFoundError(
        `The cluster answered HTTP ${res.status} for the log: ${message}`,
      );
    },
  };
}
