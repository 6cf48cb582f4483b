import { KubeConfig } from '@kubernetes/client-node';
import http from 'node:http';
import https from 'node:https';
import type { ClusterError } from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterDefinition } from '../ClusterLocator/types';

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

/** A request that got no answer in time. */
export class KubeTimeoutError extends Error {
  constructor(readonly path: string, readonly timeoutMs: number) {
    super(
      `No answer from the API server within ${Math.round(
        timeoutMs / 1000,
      )} s for ${path}`,
    );
    this.name = 'KubeTimeoutError';
  }
}

/** Builds the KubeConfig of one cluster definition (token auth, CA, TLS verification). */
function kubeConfigFor(cluster: ClusterDefinition): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url,
        caData: cluster.caData,
        caFile: cluster.caFile,
        skipTLSVerify: cluster.skipTLSVerify,
      },
    ],
    users: [{ name: 'collector', token: cluster.serviceAccountToken }],
    contexts: [
      { name: cluster.name, cluster: cluster.name, user: 'collector' },
    ],
    currentContext: cluster.name,
  });
  return kc;
}

export interface KubeApi {
  kubeConfig: KubeConfig;
  /** GET a path; resolves with the status and body text, rejects on transport errors or timeout. */
  getText(
    path: string,
    timeoutMs: number,
  ): Promise<{ status: number; body: string }>;
  /** GET a JSON path; rejects with KubeHttpError on a non-2xx answer. */
  getJson<T>(path: string, timeoutMs: number): Promise<T>;
  /** Number of requests made, by kind ("list", "health", ...), for the benchmark. */
  requestCount: number;
}

/** A small raw HTTP client on top of the KubeConfig's TLS agent and token, returning plain JSON. */
export function createKubeApi(cluster: ClusterDefinition): KubeApi {
  const kubeConfig = kubeConfigFor(cluster);
  let optsPromise: Promise<https.RequestOptions> | undefined;
  const requestOptions = () => {
    if (!optsPromise) {
      optsPromise = (async () => {
        const opts: https.RequestOptions = {};
        await kubeConfig.applyToHTTPSOptions(opts);
        return opts;
      })();
    }
    return optsPromise;
  };
  const api: KubeApi = {
    kubeConfig,
    requestCount: 0,
    async getText(path, timeoutMs) {
      const base = await requestOptions();
      const url = new URL(cluster.url + path);
      const mod = url.protocol === 'http:' ? http : https;
      api.requestCount += 1;
      return new Promise((resolve, reject) => {
        let timer: NodeJS.Timeout | undefined = undefined;
        const req = mod.request(
          url,
          {
            ...base,
            method: 'GET',
            headers: {
              ...(base.headers as object),
              Accept: 'application/json',
            },
          },
          res => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              clearTimeout(timer);
              resolve({
                status: res.statusCode ?? 0,
                body: Buffer.concat(chunks).toString('utf8'),
              });
            });
            res.on('error', err => {
              clearTimeout(timer);
              reject(err);
            });
          },
        );
        timer = setTimeout(() => {
          req.destroy(new KubeTimeoutError(path, timeoutMs));
        }, timeoutMs);
        req.on('error', err => {
          clearTimeout(timer);
          reject(err);
        });
        req.end();
      });
    },
    async getJson<T>(path: string, timeoutMs: number): Promise<T> {
      const { status, body } = await api.getText(path, timeoutMs);
      if (status < 200 || status >= 300)
        throw new KubeHttpError(status, path, body.slice(0, 500));
      return JSON.parse(body) as T;
    },
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
  if (code && unreachableCodes.has(code)) {
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
