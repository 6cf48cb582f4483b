/**
 * Where a deployer token comes from: the config value itself, or a file read when the token is needed.
 *
 * @public
 */
export type DeployerTokenSource =
  | { type: 'value'; token: string }
  | { type: 'file'; path: string };

/**
 * One cluster the write path may change, from `jetstream2Kubernetes.writers[]`, joined with the cluster's
 * upstream entry in `kubernetes.clusterLocatorMethods` (type `config`) for its address and CA.
 *
 * @public
 */
export interface ClusterWriter {
  /** The cluster's name, as in the upstream entry and in the catalog (`backstage.io/kubernetes-cluster`). */
  cluster: string;
  /** The API server, from the upstream entry. */
  url: string;
  /** The cluster CA (PEM, base64 as in the upstream entry), from the upstream entry. */
  caData?: string;
  /** Path of the cluster CA, from the upstream entry. */
  caFile?: string;
  /** From the upstream entry. */
  skipTLSVerify: boolean;
  /** The deployer credential: never the collector's read-only token. */
  token: DeployerTokenSource;
  /** The namespaces writes may go to, sorted, without repeats. */
  namespaces: string[];
  /** Where this entry is in the config, for messages: `jetstream2Kubernetes.writers[0] ("js2-demo")`. */
  where: string;
}
