import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ClusterError } from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterDefinition } from '../ClusterLocator/types';
import { createChangeEmitter } from './changeEmitter';
import { clusterStatus } from './clusterStatus';
import { createControlPlanePoller } from './controlPlanePoller';
import { allSettled } from './informerSync';
import { createKubeApi } from './kubeApi';
import { ObjectIndex } from './objectIndex';
import { podLogPath } from './podLogs';
import { createResourceInformers } from './resourceInformers';
import type {
  ClusterSnapshot,
  ClusterWatcher,
  CollectorSettings,
} from './types';

function unsupportedAuth(cluster: ClusterDefinition): ClusterError | undefined {
  if (cluster.authProvider === 'serviceAccount') return undefined;
  return {
    reason: 'unknown',
    message: `Cluster ${cluster.name} uses auth provider "${cluster.authProvider}"; the jetstream2-kubernetes collector supports "serviceAccount" only.`,
  };
}

/**
 * One cluster's collector: a list+watch per registry type (resourceInformers), a periodic poll of the
 * control plane (controlPlanePoller), and the status judged from both (clusterStatus). Reads (state,
 * snapshot, version) never change anything.
 */
export function createClusterWatcher(options: {
  cluster: ClusterDefinition;
  logger: LoggerService;
  settings: CollectorSettings;
}): ClusterWatcher {
  const { cluster, settings } = options;
  const logger = options.logger.child({ cluster: cluster.name });
  const api = createKubeApi(cluster);
  const index = new ObjectIndex();
  const changes = createChangeEmitter(logger);
  const unsupported = unsupportedAuth(cluster);
  let pollTimer: NodeJS.Timeout | undefined;
  /** Last time every type was settled and the API server answered. */
  let collectedAt: Date | undefined;

  const informers = createResourceInformers({
    api,
    clusterName: cluster.name,
    index,
    logger,
    settings,
    emit: changes.emit,
    onSynced: () => updateCollectedAt(),
  });

  const controlPlane = createControlPlanePoller({
    api,
    clusterName: cluster.name,
    logger,
    requestTimeoutMs: settings.requestTimeoutMs,
    podMetrics: cluster.skipMetricsLookup
      ? undefined
      : { hasPod: (namespace, name) => !!index.get('pods', namespace, name) },
    onAnswer(recovered) {
      if (recovered) {
        logger.info(`Cluster ${cluster.name} answers again; relisting`);
        informers.retryWaiting();
      }
      updateCollectedAt();
    },
  });

  /** The data is complete as of the last health check once every type has settled. */
  function updateCollectedAt() {
    const { lastHealthyAt } = controlPlane.facts();
    if (lastHealthyAt && allSettled(informers.syncStates())) {
      const first = collectedAt === undefined;
      collectedAt = lastHealthyAt;
      if (first) changes.emit({ type: 'status' });
    }
  }

  async function poll() {
    if (unsupported) return;
    if (await controlPlane.poll()) changes.emit({ type: 'status' });
  }

  const dataVersion = () => index.version + changes.statusVersion();

  function state(): Omit<ClusterSnapshot, 'objects'> {
    const cp = controlPlane.facts();
    const { status, error } = clusterStatus({
      unsupported,
      healthError: cp.error,
      informers: informers.syncStates(),
      version: cp.version,
      ready: cp.ready,
      checks: cp.checks,
    });
    return {
      name: cluster.name,
      title: cluster.title,
      status,
      error,
      version: cp.version,
      controlPlane: { ready: cp.ready, live: cp.live, checks: cp.checks },
      collectedAt: collectedAt?.toISOString(),
      unreachableSince: cp.unreachableSince?.toISOString(),
      nodeUsage: cp.nodeUsage,
      podUsage: cp.podUsage,
      dataVersion: dataVersion(),
    };
  }

  return {
    cluster,
    index,
    start() {
      if (informers.running() || unsupported) return;
      informers.start();
      void poll();
      pollTimer = setInterval(() => void poll(), settings.healthIntervalMs);
      pollTimer.unref?.();
    },
    async stop() {
      clearInterval(pollTimer);
      await informers.stop();
      index.clear();
      collectedAt = undefined;
      controlPlane.reset();
      changes.emit({ type: 'status' });
    },
    poll,
    version: dataVersion,
    onChange: changes.onChange,
    podLogs: request =>
      api.getText(podLogPath(request), settings.requestTimeoutMs),
    requestCount: () => api.requestCount,
    snapshot(): ClusterSnapshot {
      const objects: ClusterSnapshot['objects'] = {};
      // Lists not yet in sync stay undefined, so rules do not judge an empty list as "none exist".
      for (const key of informers.syncedKeys()) objects[key] = index.list(key);
      return { ...state(), objects };
    },
    state,
  };
}
