import type {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import type { ClusterDefinition, ClusterLocator } from './types';

export interface ClusterLocatorOptions {
  config: RootConfigService;
  logger: LoggerService;
}

/**
 * Reads clusters from `kubernetes.clusterLocatorMethods` entries of type `config`, the same definitions the
 * upstream Kubernetes plugin uses, so one cluster definition serves both plugins. Other locator types are
 * reported once and skipped.
 */
export function createClusterLocator(
  options: ClusterLocatorOptions,
): ClusterLocator {
  const { config, logger } = options;
  return {
    async getClusters() {
      const methods =
        config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
      const clusters: ClusterDefinition[] = [];
      const seen = new Set<string>();
      for (const method of methods) {
        const type = method.getString('type');
        if (type !== 'config') {
          logger.info(
            `Cluster locator method "${type}" is not read by the jetstream2-kubernetes collector; only "config" clusters are collected`,
          );
          continue;
        }
        for (const c of method.getOptionalConfigArray('clusters') ?? []) {
          const name = c.getString('name');
          if (seen.has(name)) {
            logger.warn(
              `Cluster "${name}" is defined twice; the first definition is used`,
            );
            continue;
          }
          seen.add(name);
          clusters.push({
            name,
            title: c.getOptionalString('title'),
            url: c.getString('url').replace(/\/+$/, ''),
            authProvider:
              c.getOptionalString('authProvider') ?? 'serviceAccount',
            serviceAccountToken:
              c.getOptionalString('serviceAccountToken') || undefined,
            caData: c.getOptionalString('caData') || undefined,
            caFile: c.getOptionalString('caFile') || undefined,
            skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
          });
        }
      }
      return clusters;
    },
  };
}
