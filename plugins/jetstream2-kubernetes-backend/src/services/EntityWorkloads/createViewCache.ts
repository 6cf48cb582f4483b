import type { Entity } from '@backstage/catalog-model';
import type {
  EntityWorkloadsResponse,
  SuRates,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { ClusterCollector } from '../ClusterCollector/types';
import { computeEntityWorkloads } from './computeEntityWorkloads';
import { parseEntitySelection, selectInClusters } from './entitySelection';
import { TtlCache } from './ttlCache';
import { createViewTracker } from './viewTracker';
import type { EntityWorkloadsView, WatchedEntity } from './types';

/** The entities' views, made once and served until something they show changes. */
export interface ViewCache {
  /**
   * The entity's view: the cached one while nothing it shows changed, else made afresh (then with the
   * response it was made from). Throws InputError for an invalid selector annotation.
   */
  view(
    entityRef: string,
    entity: Entity,
  ): { view: EntityWorkloadsView; response?: EntityWorkloadsResponse };
  /**
   * Remakes the views of these entities that changed, for those with a cached view and entity; resolves with
   * how many were remade. Yields between entities so requests are not held up behind a batch.
   */
  refresh(
    entityRefs: Iterable<string>,
    entityOf: (entityRef: string) => Entity | undefined,
  ): Promise<number>;
  /** Entities whose views were asked for recently (at most 1,000, the latest). */
  watchedEntities(): WatchedEntity[];
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

export function createViewCache(options: {
  collector: Pick<ClusterCollector, 'clusterNames' | 'watcher' | 'onChange'>;
  /** At most this many events per view. */
  maxEvents: number;
  /** SU per vCPU-hour by flavor family (the built-in rates when not given). */
  rates?: SuRates;
}): ViewCache {
  const { collector, maxEvents, rates } = options;
  const views = new TtlCache<string, CachedView>(10 * 60_000, 5000);
  const tracker = createViewTracker({
    index: cluster => collector.watcher(cluster)?.index,
  });
  collector.onChange(tracker.onChange);
  const watcherIds = new WeakMap<object, number>();
  let nextWatcherId = 0;
  const watched = new Map<string, WatchedEntity>();

  function remember(entity: WatchedEntity) {
    if (!watched.has(entity.entityRef) && watched.size >= MAX_WATCHED) {
      watched.delete(watched.keys().next().value as string);
    }
    watched.set(entity.entityRef, entity);
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

  function made(body: string, etag: string, meta: Omit<CachedView, 'view'>) {
    let gz: Buffer | undefined;
    const fresh: CachedView = {
      ...meta,
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
    return fresh;
  }

  function view(entityRef: string, entity: Entity) {
    const selection = parseEntitySelection(entity);
    const { selector, requirements } = selection;
    remember({ entityRef, requirements, namespace: selector.namespace });
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
    const response = computeEntityWorkloads({
      entityRef,
      selector,
      selections: selectInClusters(collector, selection),
      indexOf: cluster => collector.watcher(cluster)?.index,
      maxEvents,
      rates,
    });
    const body = JSON.stringify(response);
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    if (hit && hit.view.etag === etag) {
      // the tracker was cautious: same content, keep the view (and its gzipped body)
      Object.assign(hit, { stamp, version, selectorText });
      views.set(entityRef, hit);
      return { view: hit.view, response };
    }
    const fresh = made(body, etag, { version, stamp, selectorText });
    views.set(entityRef, fresh);
    return { view: fresh.view, response };
  }

  return {
    view,
    async refresh(entityRefs, entityOf) {
      let refreshed = 0;
      for (const entityRef of entityRefs) {
        const old = views.get(entityRef);
        const entity = entityOf(entityRef);
        if (!old || !entity) continue;
        try {
          const { view: now } = view(entityRef, entity);
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
    },
    watchedEntities: () => [...watched.values()],
  };
}
