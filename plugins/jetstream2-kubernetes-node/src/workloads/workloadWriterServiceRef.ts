import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { readClusterWriters } from '../writers/readClusterWriters';
import { createWorkloadWriter } from './createWorkloadWriter';
import type { WorkloadWriter } from './types';

/**
 * The write path as a backend service, for every plugin and module that writes to clusters (the
 * scaffolder's apply action; the workload actions of the jetstream2-kubernetes backend). By default it
 * reads `jetstream2Kubernetes.writers` from app-config, once per plugin; a bad entry stops that plugin's
 * start with one message naming the key.
 *
 * @public
 */
export const workloadWriterServiceRef = createServiceRef<WorkloadWriter>({
  id: 'jetstream2-kubernetes.workload-writer',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { config: coreServices.rootConfig },
      factory: ({ config }) =>
        createWorkloadWriter({ writers: readClusterWriters(config) }),
    }),
});
