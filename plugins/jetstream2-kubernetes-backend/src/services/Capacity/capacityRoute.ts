import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { jetstream2KubernetesCapacityReadPermission } from '@internal/plugin-jetstream2-kubernetes-common';
import type { Router } from 'express';
import type { ClusterDataService } from '../ClusterData/types';
import { createCapacityService } from './createCapacityService';

export interface CapacityRouteOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  clusterData: Pick<ClusterDataService, 'getCluster'>;
}

/** A cluster name as the portal's configuration holds it (a DNS subdomain, as catalog names allow). */
const CLUSTER_NAME = /^[a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?$/;

/**
 * GET /clusters/:name/capacity: what is free on the cluster for a new workload, for the deploy and
 * JupyterHub forms. Its own permission (jetstream2-kubernetes.capacity.read), which the portal's policy
 * gives every signed-in user, unlike the whole cluster (clusters.read); the answer holds amounts by node
 * flavor only.
 */
export function addCapacityRoute(
  router: Router,
  options: CapacityRouteOptions,
): void {
  const { httpAuth, permissions } = options;
  const capacity = createCapacityService(options);
  router.get('/clusters/:name/capacity', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: jetstream2KubernetesCapacityReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'You are not allowed to read how much room the clusters have',
      );
    }
    const name = req.params.name;
    if (name.length > 253 || !CLUSTER_NAME.test(name)) {
      throw new InputError(
        `"${name.slice(
          0,
          60,
        )}" is not a cluster name: use the name of a kubernetes-cluster Resource, such as "js2-demo"`,
      );
    }
    const answer = await capacity.getCapacity(name);
    if (!answer) {
      throw new NotFoundError(
        `No cluster named "${name}"; clusters come from kubernetes.clusterLocatorMethods in app-config`,
      );
    }
    res.setHeader('Cache-Control', 'private, no-cache');
    res.json(answer);
  });
}
