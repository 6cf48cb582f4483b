/** A cluster the collector watches, read from the upstream `kubernetes.clusterLocatorMethods` config. */
export interface ClusterDefinition {
  name: string;
  title?: string;
  url: string;
  /** Upstream auth provider name; the collector supports `serviceAccount`. */
  authProvider: string;
  /** Service-account token. Secret: never log or return it. */
  serviceAccountToken?: string;
  /** Base64-encoded PEM CA bundle. */
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
}

export interface ClusterLocator {
  /** Every cluster defined for both the upstream plugin and this one. */
  getClusters(): Promise<ClusterDefinition[]>;
}
