import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { CATALOG_CLUSTER_FILTER } from './readCatalogClusters';

/** Reads the catalog's `kubernetes-cluster` Resources now and then, keeping the last answer when a read fails. */
export interface CatalogClusterReader {
  /** Starts reading (at once, then every `refreshMs`); does nothing when already started. */
  start(): void;
  /** Stops reading and forgets what was read. */
  stop(): void;
  /** The Resources of the last successful read; undefined before the first one. */
  entities(): Entity[] | undefined;
  /** The read in progress, if any (the locator's first answer waits for it, up to a limit). */
  pending(): Promise<void> | undefined;
}

export function createCatalogClusterReader(options: {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  refreshMs: number;
  /** Called after each successful read. */
  onRead(): void;
}): CatalogClusterReader {
  const { catalog, auth, logger, refreshMs } = options;
  let timer: NodeJS.Timeout | undefined;
  let entities: Entity[] | undefined;
  let inFlight: Promise<void> | undefined;
  let lastError: string | undefined;

  async function read() {
    try {
      const { items } = await catalog.getEntities(
        { filter: CATALOG_CLUSTER_FILTER },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      if (lastError) {
        logger.info('Reading clusters from the catalog works again');
        lastError = undefined;
      }
      if (!timer) return; // stopped meanwhile
      entities = items;
    } catch (error) {
      const message = (error as Error).message;
      if (message !== lastError) {
        logger.warn(
          `Could not read kubernetes-cluster Resources from the catalog: ${message}. The last known catalog clusters are kept; retrying every ${Math.round(
            refreshMs / 1000,
          )} s`,
        );
        lastError = message;
      }
      return;
    }
    options.onRead();
  }

  function readOnce() {
    inFlight ??= read().finally(() => {
      inFlight = undefined;
    });
  }

  return {
    start() {
      if (timer) return;
      timer = setInterval(readOnce, refreshMs);
      timer.unref?.();
      readOnce();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
      entities = undefined;
    },
    entities: () => entities,
    pending: () => inFlight,
  };
}
