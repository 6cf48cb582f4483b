export interface Config {
  /**
   * Configuration of the jetstream2-kubernetes backend plugin. Clusters come from the upstream
   * `kubernetes.clusterLocatorMethods` (type `config`); these keys add only what upstream lacks.
   */
  jetstream2Kubernetes?: {
    collection?: {
      /** How often version, /readyz and /livez are polled per cluster, in seconds. Default 15. */
      healthIntervalSeconds?: number;
      /** Timeout of one request to an API server, in seconds. Default 10. */
      requestTimeoutSeconds?: number;
      /** Longest wait before retrying a failed list or watch, in seconds. Default 30. */
      maxBackoffSeconds?: number;
      /** Objects per page when listing. Default 500. */
      listPageSize?: number;
      /** How often cluster summaries and details are written to the database, in seconds. Default 30. */
      persistIntervalSeconds?: number;
      /**
       * Lifetime of the database lease that makes one backend replica the collector, in seconds; it is
       * renewed every quarter of it. Default 60.
       */
      leaseSeconds?: number;
    };
    /** Catalog tag of the scaffolder templates that create clusters (GET /templates). Default "jetstream2-cluster". */
    templateTag?: string;
  };
}
