import type {
  AuthService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { randomBytes } from 'node:crypto';
import { createListenerSet } from '../../lib/createListenerSet';
import { defaultSettings } from '../../settings';
import { createCatalogClusterReader } from './catalogClusterReader';
import {
  anyFileChanged,
  readCredentialFiles,
  type StampedFileRead,
} from './credentialFiles';
import { clusterSpecs, resolveClusters } from './evaluateClusters';
import { filesOf } from './resolveCluster';
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
 * Finds the clusters to collect, like the upstream Kubernetes plugin and from the same settings (what is
 * decided, from what, is the pure `evaluateClusters`). This runner gathers its inputs and re-evaluates when
 * one changes: config reloads (`rootConfig.subscribe`), catalog reads, rewritten token or CA files. It tells
 * subscribers when the set or a connection changed, and logs each problem once.
 */
export function createClusterLocator(
  options: ClusterLocatorOptions,
): ClusterLocator {
  const { config, logger } = options;
  const fileCheckMs =
    options.credentialFileCheckMs ?? defaultSettings.credentialFileCheckMs;
  // Private to this process: fingerprints cannot be compared with a guessed token elsewhere.
  const fingerprintKey = randomBytes(32);
  const listeners = createListenerSet<[]>({
    logger,
    what: 'cluster locator',
  });
  const catalogReader =
    options.catalog && options.auth
      ? createCatalogClusterReader({
          catalog: options.catalog,
          auth: options.auth,
          logger,
          refreshMs:
            options.catalogRefreshMs ?? defaultSettings.catalogRefreshMs,
          onRead: () => void requestEvaluation(),
        })
      : undefined;

  let current: ClusterDefinition[] = [];
  let signature = signatureOf(current);
  let files = new Map<string, StampedFileRead>();
  let logged = new Set<string>();
  let stopped = false;

  /** Logs each problem (warn) and note (info) once, until it goes away. */
  function report(problems: string[], notes: string[]) {
    for (const line of problems) if (!logged.has(line)) logger.warn(line);
    for (const line of notes) if (!logged.has(line)) logger.info(line);
    logged = new Set([...problems, ...notes]);
  }

  async function evaluate() {
    const found = clusterSpecs(config, {
      available: !!catalogReader,
      entities: catalogReader?.entities(),
    });
    const read = await readCredentialFiles(found.specs.flatMap(filesOf));
    if (stopped) return;
    const result = resolveClusters(found, read, fingerprintKey);
    if (result.readsCatalog) catalogReader?.start();
    else catalogReader?.stop();
    files = read;
    report(result.problems, result.notes);
    current = result.clusters;
    const next = signatureOf(current);
    if (next !== signature) {
      signature = next;
      listeners.emit();
    }
  }

  // Evaluations run one at a time; a request during a run causes one more run after it.
  let running: Promise<void> | undefined;
  let again = false;
  function requestEvaluation(): Promise<void> {
    again = true;
    running ??= (async () => {
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
    return running;
  }

  let checkingFiles = false;
  async function checkFiles() {
    if (checkingFiles || stopped) return;
    checkingFiles = true;
    try {
      if (await anyFileChanged(files)) await requestEvaluation();
    } finally {
      checkingFiles = false;
    }
  }

  let ready: Promise<void> | undefined;
  let configSubscription: { unsubscribe(): void } | undefined;
  let fileTimer: NodeJS.Timeout | undefined;
  /** The first evaluation, and the first catalog read if one is due (for at most initialCatalogWaitMs). */
  function start(): Promise<void> {
    ready ??= (async () => {
      configSubscription = config.subscribe?.(() => {
        if (!stopped) void requestEvaluation();
      });
      fileTimer = setInterval(() => void checkFiles(), fileCheckMs);
      fileTimer.unref?.();
      await requestEvaluation();
      const first = catalogReader?.pending();
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
      // the read's own evaluation may still be running: answer with its result
      await running;
    })();
    return ready;
  }

  return {
    async getClusters() {
      if (!stopped) await start();
      return current.map(c => ({ ...c }));
    },
    subscribe(listener) {
      const remove = listeners.add(listener);
      if (!stopped) void start();
      return { unsubscribe: remove };
    },
    stop() {
      stopped = true;
      configSubscription?.unsubscribe();
      clearInterval(fileTimer);
      catalogReader?.stop();
      listeners.clear();
    },
  };
}
