export interface Config {
  jetstream2?: {
    scaffolder?: {
      /**
       * A folder on the backend host where jetstream2:cluster:render leaves a copy of the files of each real
       * (not dry) run, in <exportDirectory>/<clusterName>/<taskId>/. Unset: files stay in the task workspace
       * and the template's output only.
       */
      exportDirectory?: string;
    };
  };
}
