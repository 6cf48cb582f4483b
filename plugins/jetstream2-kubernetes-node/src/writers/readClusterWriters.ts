import type { Config } from '@backstage/config';
import type { ClusterWriter, DeployerTokenSource } from './types';

/**
 * The config key of the clusters' write credentials (`jetstream2Kubernetes.writers`).
 *
 * @public
 */
export const WRITERS_KEY = 'jetstream2Kubernetes.writers';
const METHODS_KEY = 'kubernetes.clusterLocatorMethods';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_LABEL_WORDS =
  "a DNS label: lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters";

/** The parts of an upstream `type: config` cluster entry that a writer takes over or must not reuse. */
interface UpstreamCluster {
  where: string;
  url?: string;
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
  serviceAccountToken?: string;
  serviceAccountTokenFile?: string;
}

const str = (c: Config, key: string) => c.getOptionalString(key) || undefined;

function readUpstreamClusters(config: Config): Map<string, UpstreamCluster> {
  const clusters = new Map<string, UpstreamCluster>();
  (config.getOptionalConfigArray(METHODS_KEY) ?? []).forEach((method, m) => {
    if (method.getOptionalString('type') !== 'config') return;
    (method.getOptionalConfigArray('clusters') ?? []).forEach((c, i) => {
      const name = str(c, 'name');
      if (!name || clusters.has(name)) return;
      clusters.set(name, {
        where: `${METHODS_KEY}[${m}].clusters[${i}]`,
        url: str(c, 'url'),
        caData: str(c, 'caData'),
        caFile: str(c, 'caFile'),
        skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
        serviceAccountToken: str(c, 'serviceAccountToken'),
        serviceAccountTokenFile: str(c, 'serviceAccountTokenFile'),
      });
    });
  });
  return clusters;
}

function readToken(
  c: Config,
  where: string,
  upstream: UpstreamCluster,
): DeployerTokenSource {
  const token = str(c, 'serviceAccountToken')?.trim();
  const path = str(c, 'serviceAccountTokenFile');
  if (token && path) {
    throw new Error(
      `${where} sets both serviceAccountToken and serviceAccountTokenFile; set one`,
    );
  }
  const readOnly = `is the read-only token of ${upstream.where}; writes need the deployer's own token (service account backstage-system/backstage-deployer, see deploy/cluster-access/deployer)`;
  if (token) {
    if (token === upstream.serviceAccountToken?.trim()) {
      throw new Error(`${where}.serviceAccountToken ${readOnly}`);
    }
    return { type: 'value', token };
  }
  if (path) {
    if (path === upstream.serviceAccountTokenFile) {
      throw new Error(`${where}.serviceAccountTokenFile ${readOnly}`);
    }
    return { type: 'file', path };
  }
  throw new Error(
    `${where} has neither serviceAccountToken nor serviceAccountTokenFile: set one to the deployer's token (if it comes from an environment variable, check that the variable is set)`,
  );
}

function readNamespaces(c: Config, where: string): string[] {
  const key = `${where}.namespaces`;
  if (!c.has('namespaces')) {
    throw new Error(
      `${key} is missing: list the namespaces the portal may write to on this cluster`,
    );
  }
  const namespaces = c.getStringArray('namespaces');
  if (namespaces.length === 0) {
    throw new Error(
      `${key} is empty: list the namespaces the portal may write to on this cluster`,
    );
  }
  for (const ns of namespaces) {
    if (!DNS_LABEL.test(ns)) {
      throw new Error(`${key}: "${ns}" is not ${DNS_LABEL_WORDS}`);
    }
    if (ns.startsWith('kube-')) {
      throw new Error(
        `${key}: "${ns}" belongs to Kubernetes itself; the portal never writes there`,
      );
    }
  }
  return [...new Set(namespaces)].sort();
}

function readWriter(
  c: Config,
  where: string,
  upstreams: Map<string, UpstreamCluster>,
): ClusterWriter {
  const cluster = str(c, 'cluster');
  if (!cluster) {
    throw new Error(
      `${where}.cluster is missing: name the cluster's entry in ${METHODS_KEY}`,
    );
  }
  const named = `${where} ("${cluster}")`;
  const upstream = upstreams.get(cluster);
  if (!upstream) {
    throw new Error(
      `${where}.cluster: no cluster named "${cluster}" in ${METHODS_KEY} (type: config); a deployer credential is used only with a cluster whose address is in app-config, never one from the catalog`,
    );
  }
  if (!upstream.url) {
    throw new Error(
      `${named}: ${upstream.where} has no url (if it comes from an environment variable, check that the variable is set)`,
    );
  }
  return {
    cluster,
    url: upstream.url,
    caData: upstream.caData,
    caFile: upstream.caFile,
    skipTLSVerify: upstream.skipTLSVerify,
    token: readToken(c, named, upstream),
    namespaces: readNamespaces(c, named),
    where: named,
  };
}

/**
 * Reads `jetstream2Kubernetes.writers`: the deployer credential and the writable namespaces of each cluster
 * the portal may change, joined with the cluster's upstream `type: config` entry. No entries: no cluster
 * may be written to. Reads no file (a token file is read when a write needs it).
 *
 * Throws one error listing every bad entry, each naming its config key.
 *
 * @public
 */
export function readClusterWriters(config: Config): ClusterWriter[] {
  const entries = config.getOptionalConfigArray(WRITERS_KEY) ?? [];
  if (entries.length === 0) return [];
  const upstreams = readUpstreamClusters(config);
  const writers: ClusterWriter[] = [];
  const problems: string[] = [];
  entries.forEach((c, i) => {
    const where = `${WRITERS_KEY}[${i}]`;
    try {
      const writer = readWriter(c, where, upstreams);
      const earlier = writers.find(w => w.cluster === writer.cluster);
      if (earlier) {
        throw new Error(
          `${where} repeats cluster "${writer.cluster}" of ${earlier.where}; list its namespaces in one entry`,
        );
      }
      writers.push(writer);
    } catch (error) {
      problems.push((error as Error).message);
    }
  });
  if (problems.length > 0) {
    throw new Error(
      `Invalid deployer credentials in app-config:\n- ${problems.join('\n- ')}`,
    );
  }
  return writers;
}
