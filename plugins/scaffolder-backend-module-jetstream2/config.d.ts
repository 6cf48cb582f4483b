export interface Config {
  jetstream2?: {
    scaffolder?: {
      /**
       * A folder on the backend host where jetstream2:cluster:render leaves a copy of the files of each real
       * (not dry) run, in <exportDirectory>/<clusterName>/<taskId>/. Unset: files stay in the task workspace
       * and the template's output only.
       */
      exportDirectory?: string;
      /**
       * Per template name (metadata.name), the namespaces its users outside platform-team may deploy a
       * service into with jetstream2:kubernetes:apply, e.g. `jetstream2-deploy-service: [apps]`. A template
       * not listed deploys for platform-team only. The cluster's `jetstream2Kubernetes.writers` entry must
       * also list the namespace.
       */
      deployNamespaces?: { [template: string]: string[] };
      /** The Git host organisation new repositories are created in (jetstream2:git:repo-url); default `jetstream2`. */
      repositoryOwner?: string;
    };
  };
}
