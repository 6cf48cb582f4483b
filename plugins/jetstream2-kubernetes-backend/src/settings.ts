import type { Config } from '@backstage/config';
import type { CollectorSettings } from './services/ClusterCollector/types';

export interface PluginSettings {
  collector: Partial<CollectorSettings>;
  persistIntervalMs: number;
  leaseTtlMs: number;
  templateTag: string;
}

/** Reads `jetstream2Kubernetes.*` (see config.d.ts) with defaults. */
export function readPluginSettings(config: Config): PluginSettings {
  const c = config.getOptionalConfig('jetstream2Kubernetes');
  const seconds = (key: string, fallback: number) =>
    Math.max(0.1, c?.getOptionalNumber(key) ?? fallback) * 1000;
  return {
    collector: {
      healthIntervalMs: seconds('collection.healthIntervalSeconds', 15),
      requestTimeoutMs: seconds('collection.requestTimeoutSeconds', 10),
      maxBackoffMs: seconds('collection.maxBackoffSeconds', 30),
      listPageSize: c?.getOptionalNumber('collection.listPageSize') ?? 500,
    },
    persistIntervalMs: seconds('collection.persistIntervalSeconds', 30),
    leaseTtlMs: seconds('collection.leaseSeconds', 60),
    templateTag: c?.getOptionalString('templateTag') ?? 'jetstream2-cluster',
  };
}
