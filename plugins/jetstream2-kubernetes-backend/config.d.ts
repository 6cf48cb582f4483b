export interface Config {
  /** Configuration of the jetstream2-kubernetes backend plugin. Clusters come from `kubernetes.*`. */
  jetstream2Kubernetes?: {};
}
