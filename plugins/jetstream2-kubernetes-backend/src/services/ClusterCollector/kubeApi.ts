import { KubeConfig } from '@kubernetes/client-node';
import type { ClusterError } from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterDefinition } from '../ClusterLocator/types';
import {
  createKubeTransport,
  KubeTimeoutError,
  type KubeTransport,
} from './kubeTransport';
import {
  TransportWatch,
  WatchEndedEarlyError,
  type TransportWatchOptions,
} from './transportWatch';

/** An HTTP error answered by the API server. */
export class KubeHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly path: string,
    readonly body: string,
  ) {
    super(`HTTP ${statusCode} from the API server for ${path}`);
    this.name = 'KubeHttpError';
  }
}

export { KubeTimeoutError };

/** Builds the KubeConfig of one cluster definition (for client-node's ListWatch; requests use the transport). */
function kubeConfigFor(cluster: ClusterDefinition): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      { name: cluster.name, server: cluster.url, skipTLSVerify: true },
    ],
    users: [{ name: 'collector' }],
    contexts: [
      { name: cluster.name, cluster: cluster.name, user: 'collector' },
    ],
    currentContext: cluster.name,
  });
  return kc;
}

export interface KubeApi {
  /** For client-node's ListWatch; it carries no credential (requests go through the transport). */
  kubeConfig: KubeConfig;
  /** GET a path; resolves with the status and body text, rejects on transport errors or timeout. */
  getText(
    path: string,
    timeoutMs: number,
  ): Promise<{ status: number; body: string }>;
  /** GET a JSON path; rejects with KubeHttpError on a non-2xx answer. */
  getJson<T>(path: string, timeoutMs: number): Promise<T>;
  /** A client-node Watch over the cluster's connection (see TransportWatch); `transform` prepares each object. */
  watch(transform?: (object: any) => any): TransportWatch;
  /** Requests made (lists, health checks, logs; watches are not counted), for tests and the benchmark. */
  requestCount: number;
  readonly transport: KubeTransport;
  /** Closes the cluster's connections. */
  close(): void;
}

/** How the collector reads one cluster: one transport (HTTP/2 where the server speaks it), plain JSON. */
export function createKubeApi(
  cluster: ClusterDefinition,
  options: Partial<TransportWatchOptions> & { connectTimeoutMs?: number } = {},
): KubeApi {
  const kubeConfig = kubeConfigFor(cluster);
  const transport = createKubeTransport(cluster, {
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
  });
  const watchOptions: TransportWatchOptions = {
    minWatchSeconds: options.minWatchSeconds ?? 300,
    earlyEndMs: options.earlyEndMs ?? 1000,
  };
  const api: KubeApi = {
    kubeConfig,
    transport,
    requestCount: 0,
    getText(path, timeoutMs) {
      api.requestCount += 1;
      return transport.get(path, timeoutMs);
    },
    async getJson<T>(path: string, timeoutMs: number): Promise<T> {
      const { status, body } = await api.getText(path, timeoutMs);
      if (status < 200 || status >= 300)
        throw new KubeHttpError(status, path, body.slice(0, 500));
      return JSON.parse(body) as T;
    },
    watch: transform =>
      new TransportWatch(kubeConfig, transport, { ...watchOptions, transform }),
    close: () => transport.close(),
  };
  return api;
}

const tlsCodes = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_SIGNATURE_FAILURE',
]);
const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'EAI_AGAIN',
  'EPIPE',
]);

/** Removes anything that looks like a credential from a message before it is shown or logged. */
function scrub(message: string): string {
  return message
    .replace(/(bearer|basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 (hidden)')
    .replace(
      /("?(authorization|token|password|secret)"?\s*[:=]\s*)"?[^"\s,}]+"?/gi,
      '$1(hidden)',
    )
    .replace(
      /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g,
      '(hidden)',
    );
}

/**
 * Turns any error of a request to a cluster into a ClusterError a person can act on. Messages name the
 * cluster URL's host at most, never the token or certificate contents.
 */
export function classifyClusterError(
  err: unknown,
  clusterName: string,
): ClusterError {
  const e = err as any;
  const status: number | undefined =
    e instanceof KubeHttpError
      ? e.statusCode
      : e?.statusCode ?? e?.code ?? e?.status;
  const code: string | undefined =
    typeof e?.code === 'string' ? e.code : e?.cause?.code;
  if (status === 401) {
    return {
      reason: 'unauthorized',
      message: `Cluster ${clusterName} rejected the portal's token (HTTP 401). The service-account token or application credential has probably expired or been replaced; put the new token where the config reads it (the value, its environment variable or its token file); the portal reconnects by itself once it changes.`,
      guideId: 'zonca-credentials',
    };
  }
  if (status === 403) {
    return {
      reason: 'forbidden',
      message: `Cluster ${clusterName} refused access (HTTP 403). The portal's service account needs read (get, list, watch) on the collected resources; see the credentials guide.`,
      guideId: 'zonca-credentials',
    };
  }
  if (status === 429) {
    return {
      reason: 'unknown',
      message: `Cluster ${clusterName} is busy and asked the portal to slow down (HTTP 429, too many requests); the portal retries with back-off.`,
    };
  }
  if (e instanceof WatchEndedEarlyError) {
    return {
      reason: 'unreachable',
      message: `Cluster ${clusterName} closes every watch at once; the connection may be cut by a proxy or the API server may be restarting. The portal retries with back-off.`,
    };
  }
  if (
    e instanceof KubeTimeoutError ||
    code === 'ETIMEDOUT' ||
    code === 'ESOCKETTIMEDOUT' ||
    e?.name === 'AbortError'
  ) {
    return {
      reason: 'timeout',
      message: `Cluster ${clusterName} did not answer in time. The API server may be overloaded or the network path blocked.`,
    };
  }
  if (
    (code &&
      (tlsCodes.has(code) ||
        code.startsWith('ERR_TLS') ||
        code.startsWith('ERR_SSL'))) ||
    // an HTTP answer came over a working connection: its path may say "certificates", TLS is fine
    (!(e instanceof KubeHttpError) &&
      /certificate|TLS|SSL/i.test(String(e?.message)))
  ) {
    return {
      reason: 'tls',
      message: `The TLS connection to cluster ${clusterName} failed (${
        code ?? 'certificate error'
      }). Check caData/caFile for the cluster, or that the API server's certificate matches its URL.`,
    };
  }
  if (code && (unreachableCodes.has(code) || code.startsWith('ERR_HTTP2'))) {
    return {
      reason: 'unreachable',
      message: `Cluster ${clusterName} is unreachable (${code}). The control plane may be stopped, or the URL or network wrong.`,
    };
  }
  if (typeof status === 'number' && status >= 500) {
    return {
      reason: 'unknown',
      message: `Cluster ${clusterName} answered HTTP ${status}; the API server reports an internal problem.`,
    };
  }
  return {
    reason: 'unknown',
    message: `Collecting from cluster ${clusterName} failed: ${scrub(
      String(e?.message ?? e),
    ).slice(0, 200)}`,
  };
}
