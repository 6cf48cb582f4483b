/**
 * A duration as `readDurationFromConfig` of `@backstage/config` reads it: a string such as '15s', '500ms',
 * '1m' or ISO 8601 ('PT15S'), or an object such as { seconds: 15 } (Backstage's HumanDuration).
 */
type Duration =
  | string
  | {
      years?: number;
      months?: number;
      weeks?: number;
      days?: number;
      hours?: number;
      minutes?: number;
      seconds?: number;
      milliseconds?: number;
    };

export interface Config {
  /** Additions to the upstream Kubernetes plugin's settings, read by the jetstream2-kubernetes collector. */
  kubernetes?: {
    clusterLocatorMethods?: Array<{
      clusters?: Array<{
        /**
         * Path of a file holding the service-account token (instead of `serviceAccountToken`). The
         * jetstream2-kubernetes collector re-reads it when it changes (checked every
         * `jetstream2Kubernetes.clusters.credentialFileCheckInterval`), for example a mounted Kubernetes
         * Secret that is rotated. The upstream Kubernetes backend does not read this key; for it, use
         * `serviceAccountToken: { $file: <path> }`, which Backstage re-reads on change too.
         */
        serviceAccountTokenFile?: string;
      }>;
    }>;
  };

  /**
   * Configuration of the jetstream2-kubernetes backend plugin. Clusters come from the upstream
   * `kubernetes.clusterLocatorMethods` (types `config` and `catalog`); these keys add only what upstream lacks.
   * Durations are strings such as '15s', '500ms', '1m', ISO 8601 ('PT15S') or objects such as { seconds: 15 }.
   */
  jetstream2Kubernetes?: {
    collection?: {
      /** How often version, /readyz and /livez are polled per cluster. Default 15 s. */
      healthInterval?: Duration;
      /** Timeout of one request to an API server. Default 10 s. */
      requestTimeout?: Duration;
      /** First wait before retrying a failed list or watch. Default 1 s. */
      minBackoff?: Duration;
      /** Longest wait before retrying a failed list or watch. Default 30 s. */
      maxBackoff?: Duration;
      /** Objects per page when listing, a whole number above zero. Default 500. */
      listPageSize?: number;
      /**
       * How often cluster summaries and details are written to the database, by one replica at a time (a
       * global task of Backstage's scheduler). Default 30 s.
       */
      persistInterval?: Duration;
    };
    clusters?: {
      /** How often `kubernetes-cluster` Resources are re-read for a `type: catalog` locator method. Default 30 s. */
      catalogRefreshInterval?: Duration;
      /** How often token and CA files named by cluster entries are checked for changes. Default 5 s. */
      credentialFileCheckInterval?: Duration;
      /**
       * Tokens for the `serviceAccount` clusters that come from the catalog (tokens never come from the
       * catalog). Each is pinned to its API server: a catalog cluster is used only when its
       * `kubernetes.io/api-server` annotation equals `url`, so a catalog entity cannot redirect the token.
       */
      catalogCredentials?: Array<{
        /** The Resource's metadata.name. */
        name: string;
        /** The API server URL the token belongs to. */
        url: string;
        /**
         * The token; use `${ENV_VAR}`, never a literal.
         * @visibility secret
         */
        serviceAccountToken?: string;
        /** Path of a file holding the token, re-read when it changes. */
        serviceAccountTokenFile?: string;
        /**
         * Base64 PEM CA bundle; overrides the Resource's `kubernetes.io/api-server-certificate-authority`.
         * @visibility secret
         */
        caData?: string;
        /** Path of a PEM CA bundle, re-read when it changes; overrides the Resource's CA annotation. */
        caFile?: string;
      }>;
    };
    /** Change notices sent to open pages. */
    signals?: {
      /** Quiet time after the last change of an entity before its notice is sent. Default 300 ms. */
      debounce?: Duration;
      /** Longest delay of a notice while changes keep coming; at least `debounce`. Default 1 s. */
      maxWait?: Duration;
    };
    /** Catalog tag of the scaffolder templates that create clusters (GET /templates). Default "jetstream2-cluster". */
    templateTag?: string;
    /**
     * SU charged per vCPU-hour, by flavor family, for every SU figure the backend computes (cluster and
     * service cost, burn history, runways). Families not set keep the built-in rates: m3 1, r3 2, g3 4.
     * The Jetstream2 flavors page has said both 4 and 2 for GPUs; set `g3: 2` if that is what your
     * allocation is charged.
     */
    suRates?: {
      /** CPU flavors. Default 1. */
      m3?: number;
      /** Large-memory flavors. Default 2. */
      r3?: number;
      /** GPU flavors (A100 slices). Default 4. */
      g3?: number;
    };
    /** The SU burn history, written by one replica at a time (a global task of Backstage's scheduler). */
    history?: {
      /**
       * Length of one sample: each cluster and each service in a cluster has one row per bucket, the mean of
       * the measurements taken in it. Default 1 hour.
       */
      bucket?: Duration;
      /**
       * How often the writer measures; several measurements per bucket keep a bucket filled when the
       * replica that writes changes. At most `bucket`. Default 5 minutes (a quarter of shorter buckets).
       */
      sampleInterval?: Duration;
      /** How long samples are kept; at least `allocations.runwayWindow`. Default 90 days. */
      retention?: Duration;
    };
    allocations?: {
      /** The runway is the balance over the mean burn of this long a window. Default 7 days. */
      runwayWindow?: Duration;
    };
    /** Notifications to owning groups (through the notifications plugin). */
    notifications?: {
      /** Send them. Default true. */
      enabled?: boolean;
      /** How often service health and runways are checked, by one replica at a time. Default 30 s. */
      interval?: Duration;
      /**
       * At most one notification per service or allocation within this time, so a flapping pod cannot
       * flood its owners; a state that lasts is sent when the window ends. Default 1 hour.
       */
      flapWindow?: Duration;
      /** Owners are told once when an allocation's runway falls below this many days. Default 30. */
      runwayThresholdDays?: number;
    };
  };
}
