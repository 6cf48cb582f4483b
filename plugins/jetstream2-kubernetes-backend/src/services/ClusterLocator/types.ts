/**
 * A cluster the collector watches, from the upstream `kubernetes.clusterLocatorMethods` (type `config`, or
 * type `catalog` with the token from `jetstream2Kubernetes.clusters.catalogCredentials`).
 */
export interface ClusterDefinition {
  name: string;
  title?: string;
  url: string;
  /** Upstream auth provider name; the collector supports `serviceAccount`. */
  authProvider: string;
  /**
   * Service-account token: the configured value, or the content of `serviceAccountTokenFile` as last read.
   * Secret: never log or return it.
   */
  serviceAccountToken?: string;
  /** Base64-encoded PEM CA bundle. */
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
  /**
   * Changes whenever anything that affects the connection changes: url, token (value or file content), CA
   * (data or file content), skipTLSVerify, authProvider. An HMAC with a key private to the process: never the
   * secret itself, and only comparable within one process.
   */
  fingerprint: string;
  source: 'config' | 'catalog';
  /** Upstream's dashboard and metrics settings, passed through for display. */
  dashboardUrl?: string;
  dashboardApp?: string;
  dashboardParameters?: Record<string, unknown>;
  skipMetricsLookup?: boolean;
}

export interface ClusterLocator {
  /** Every cluster defined for both the upstream plugin and this one, as last read (config order, then catalog). */
  getClusters(): Promise<ClusterDefinition[]>;
  /**
   * Calls the listener when clusters may have changed (config change, catalog refresh, token/CA file change);
   * it is called only when a name, fingerprint or a displayed field differs from the last call.
   */
  subscribe(listener: () => void): { unsubscribe(): void };
  /** Stops timers and file watchers. getClusters keeps returning the last known set. */
  stop(): void;
}
