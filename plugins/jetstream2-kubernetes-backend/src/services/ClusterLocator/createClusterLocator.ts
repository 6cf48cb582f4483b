import type {
  AuthService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { defaultSettings } from '../../settings';
import type { ClusterSpec } from './clusterSpec';
import {
  CATALOG_CLUSTER_FILTER,
  readCatalogClusters,
} from './readCatalogClusters';
import { readConfigClusters } from './readConfigClusters';
import { createResolver, fileStamp } from './resolveCluster';
import type { ClusterDefinition, ClusterLocator } from './types';

export interface ClusterLocatorOptions {
  config: RootConfigService;
  logger: LoggerService;
  /** Needed for `type: catalog` locator methods. */
  catalog?: CatalogService;
  /** Needed for `type: catalog` locator methods (the catalog is read with the plugin's own credentials). */
  auth?: AuthService;
  /** Default `defaultSettings.catalogRefreshMs`. */
  catalogRefreshMs?: number;
  /** How often token and CA files are checked for changes. Default `defaultSettings.credentialFileCheckMs`. */
  credentialFileCheckMs?: number;
  /** How long the first getClusters waits for the first catalog answer. Default 10 s. */
  initialCatalogWaitMs?: number;
}

/** The fields whose change a listener hears about: the connection (fingerprint) and what is displayed. */
function signatureOf(clusters: ClusterDefinition[]): string {
  return JSON.stringify(
    clusters.map(c => [
      c.name,
      c.fingerprint,
      c.source,
      c.title,
      c.dashboardUrl,
      c.dashboardApp,
      c.dashboardParameters,
      c.skipMetricsLookup,
    ]),
  );
}

/**
 * Finds the clusters to collect, like the upstream Kubernetes plugin and from the same settings: entries of
 * type `config` in `kubernetes.clusterLocatorMethods`, and `kubernetes-cluster` Resources for a `catalog`
 * entry. It follows changes without a restart: config reloads (`rootConfig.subscribe`), catalog refreshes
 * and rewritten token/CA files, and tells subscribers when the set or a connection changed. A bad entry is
 * refused with one log line and never stops the others.
 */
export function createClusterLocator(
  options: ClusterLocatorOptions,
): ClusterLocator {
  const { config, logger, catalog, auth } = options;
  const catalogRefreshMs =
    options.catalogRefreshMs ?? defaultSettings.catalogRefreshMs;
  const fileCheckMs =
    options.credentialFileCheckMs ?? defaultSettings.credentialFileCheckMs;
  const resolver = createResolver();
  const listeners = new Set<() => void>();

  let current: ClusterDefinition[] = [];
  let signature = signatureOf(current);
  let fileStamps = new Map<string, string>();
  let logged = new Set<string>();
  let ready: Promise<void> | undefined;
  let stopped = false;
  let configSubscription: { unsubscribe(): void } | undefined;
  let fileTimer: NodeJS.Timeout | undefined;
  let checkingFiles = false;

  // catalog state: the last entities read, kept when a refresh fails
  let catalogTimer: NodeJS.Timeout | undefined;
  let catalogEntities: Entity[] | undefined;
  let catalogFetch: Promise<void> | undefined;
  let catalogError: string | undefined;

  function report(problems: string[], notes: string[]) {
    const lines = new Set([...problems, ...notes]);
    for (const line of problems) if (!logged.has(line)) logger.warn(line);
    for (const line of notes) if (!logged.has(line)) logger.info(line);
    logged = lines;
  }

  function notify() {
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        logger.error(
          `A cluster locator subscriber failed: ${(error as Error).message}`,
        );
      }
    }
  }

  async function refreshCatalog(): Promise<void> {
    if (!catalog || !auth || stopped) return;
    try {
      const { items } = await catalog.getEntities(
        { filter: CATALOG_CLUSTER_FILTER },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      if (catalogError) {
        logger.info('Reading clusters from the catalog works again');
        catalogError = undefined;
      }
      catalogEntities = items;
    } catch (error) {
      const message = (error as Error).message;
      if (message !== catalogError) {
        logger.warn(
          `Could not read kubernetes-cluster Resources from the catalog: ${message}. The last known catalog clusters are kept; retrying every ${Math.round(
            catalogRefreshMs / 1000,
          )} s`,
        );
        catalogError = message;
      }
      return;
    }
    if (!stopped) await requestEvaluation();
  }

  function startCatalog() {
    if (catalogTimer || stopped) return;
    catalogTimer = setInterval(() => {
      if (!catalogFetch) {
        catalogFetch = refreshCatalog().finally(() => {
          catalogFetch = undefined;
        });
      }
    }, catalogRefreshMs);
    catalogTimer.unref?.();
    catalogFetch = refreshCatalog().finally(() => {
      catalogFetch = undefined;
    });
  }

  function stopCatalog() {
    clearInterval(catalogTimer);
    catalogTimer = undefined;
    catalogEntities = undefined;
  }

  async function evaluate() {
    const cfg = readConfigClusters(config);
    const problems = [...cfg.problems];
    const names = new Set<string>();
    const specs: ClusterSpec[] = [];
    const add = (spec: ClusterSpec) => {
      if (names.has(spec.name)) {
        problems.push(
          `Cluster "${spec.name}" is defined twice (again in ${spec.where}); the first definition is used`,
        );
        return;
      }
      names.add(spec.name);
      specs.push(spec);
    };
    cfg.specs.forEach(add);

    if (cfg.catalog && (!catalog || !auth)) {
      problems.push(
        'kubernetes.clusterLocatorMethods has a "catalog" method, but the jetstream2-kubernetes cluster locator was given no catalog and auth services; catalog clusters are not collected',
      );
    } else if (cfg.catalog) {
      startCatalog();
      if (catalogEntities) {
        const fromCatalog = readCatalogClusters(
          catalogEntities,
          cfg.catalog,
          cfg.catalogCredentials,
          new Set(names),
        );
        problems.push(...fromCatalog.problems);
        fromCatalog.specs.forEach(add);
      }
    } else {
      stopCatalog();
    }

    const files = new Map<string, string>();
    const clusters: ClusterDefinition[] = [];
    for (const spec of specs) {
      const result = await resolver.resolve(spec, files);
      if ('problem' in result) problems.push(result.problem);
      else clusters.push(result.cluster);
    }
    fileStamps = files;
    report(problems, cfg.notes);

    current = clusters;
    const next = signatureOf(clusters);
    if (next !== signature) {
      signature = next;
      notify();
    }
  }

  // Evaluations run one at a time; a request during a run causes one more run after it.
  let running: Promise<void> | undefined;
  let again = false;
  function requestEvaluation(): Promise<void> {
    again = true;
    if (!running) {
      running = (async () => {
        try {
          while (again) {
            again = false;
            await evaluate().catch(error =>
              logger.error(
                `Could not read the cluster definitions: ${
                  (error as Error).message
                }`,
              ),
            );
          }
        } finally {
          running = undefined;
        }
      })();
    }
    return running;
  }

  async function checkFiles() {
    if (checkingFiles || stopped) return;
    checkingFiles = true;
    try {
      for (const [path, stamp] of fileStamps) {
        if ((await fileStamp(path)) !== stamp) {
          await requestEvaluation();
          return;
        }
      }
    } finally {
      checkingFiles = false;
    }
  }

  function start(): Promise<void> {
    if (!ready) {
      configSubscription = config.subscribe?.(() => {
        if (!stopped) void requestEvaluation();
      });
      fileTimer = setInterval(() => void checkFiles(), fileCheckMs);
      fileTimer.unref?.();
      ready = (async () => {
        await requestEvaluation();
        const first = catalogFetch;
        if (!first) return;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          first,
          new Promise<void>(resolve => {
            timer = setTimeout(resolve, options.initialCatalogWaitMs ?? 10_000);
            timer.unref?.();
          }),
        ]);
        clearTimeout(timer);
      })();
    }
    return ready;
  }

  return {
    async getClusters() {
      if (!stopped) await start();
      return current.map(c => ({ ...c }));
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!stopped) void start();
      return { unsubscribe: () => void listeners.delete(listener) };
    },
    stop() {
      stopped = true;
      configSubscription?.unsubscribe();
      clearInterval(fileTimer);
      clearInterval(catalogTimer);
      catalogTimer = undefined;
      listeners.clear();
    },
  };
}
