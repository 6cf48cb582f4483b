export interface Config {
  jetstream2Kubernetes?: {
    /**
     * Deployer credentials: the write path's own token per cluster (deploying a service's manifests from a
     * template, restarting, scaling, deleting a pod), never the read-only token of the cluster's entry in
     * `kubernetes.clusterLocatorMethods`. One entry per cluster that may be written to.
     *
     * The cluster's URL and CA come from its upstream entry (a `type: config` locator method) with the same
     * name; a cluster that only the catalog describes cannot be written to, so no catalog entity can point
     * a deployer token at another API server.
     *
     * The token belongs to the `backstage-system/backstage-deployer` service account of
     * deploy/cluster-access/deployer, which has a Role in each namespace it may write. `namespaces` lists
     * the same namespaces: the portal refuses a write elsewhere before asking the cluster.
     */
    writers?: Array<{
      /** The `name` of the cluster's entry in `kubernetes.clusterLocatorMethods` (type `config`). */
      cluster: string;
      /**
       * The deployer service account's token; use `${ENV_VAR}`, never a literal.
       * @visibility secret
       */
      serviceAccountToken?: string;
      /** Path of a file holding the deployer token (instead of `serviceAccountToken`), e.g. a mounted Secret. */
      serviceAccountTokenFile?: string;
      /**
       * The namespaces the portal may write to on this cluster, each a DNS label. Never `kube-system` or
       * another `kube-*` namespace.
       */
      namespaces: string[];
    }>;
  };
}
