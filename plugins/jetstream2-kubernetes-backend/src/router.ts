import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { jetstream2KubernetesClustersReadPermission } from '@internal/plugin-jetstream2-kubernetes-common';
import express from 'express';
import { createHash } from 'node:crypto';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { AllocationsService } from './services/Allocations/types';
import { addCapacityRoute } from './services/Capacity/capacityRoute';
import type { ClusterDataService } from './services/ClusterData/types';
import type { EntityWorkloadsService } from './services/EntityWorkloads/types';
import type { TemplatesService } from './services/Templates/createTemplatesService';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  clusterData: ClusterDataService;
  entityWorkloads: EntityWorkloadsService;
  templates: TemplatesService;
  allocations: AllocationsService;
}

const ENTITY_NAME = /^[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*$/;
const entityParams = z.object({
  namespace: z
    .string()
    .max(63)
    .regex(
      ENTITY_NAME,
      'namespace must be letters, digits and single -, _ or . between them (e.g. "default")',
    ),
  kind: z
    .string()
    .max(63)
    .regex(
      /^[a-zA-Z][a-zA-Z0-9-]*$/,
      'kind must start with a letter and hold only letters, digits and - (e.g. "Component")',
    ),
  name: z
    .string()
    .max(63)
    .regex(
      ENTITY_NAME,
      'name must be letters, digits and single -, _ or . between them (e.g. "jupyterhub")',
    ),
});

/** An allocation is a Resource: its route names namespace and name only. */
const allocationParams = entityParams.pick({ namespace: true, name: true });

const logsQuery = z
  .object({
    cluster: z.string().min(1).max(253),
    podNamespace: z.string().min(1).max(63),
    pod: z.string().min(1).max(253),
    container: z.string().min(1).max(253).optional(),
    previous: z.enum(['true', 'false']).optional(),
    tailLines: z.coerce
      .number()
      .int('tailLines must be a whole number')
      .min(1, 'tailLines must be at least 1')
      .max(10000, 'tailLines must be at most 10000')
      .optional(),
  })
  .strict();

/**
 * Sends a JSON body with an ETag; answers 304 when the client already has it (If-None-Match), so an
 * unchanged view costs almost nothing on the wire.
 */
function sendWithEtag(
  req: express.Request,
  res: express.Response,
  body: string,
  etag = `"${createHash('sha1').update(body).digest('base64url')}"`,
  gzipped?: () => Buffer,
) {
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('Vary', 'Accept-Encoding');
  const match = req.headers['if-none-match'];
  if (match && match.split(',').some(t => t.trim() === etag)) {
    res.status(304).end();
    return;
  }
  res.type('application/json');
  // A cached view is compressed once and sent as it is (the compression middleware leaves encoded bodies).
  if (
    gzipped &&
    body.length > 1024 &&
    req.acceptsEncodings('gzip') === 'gzip'
  ) {
    const buffer = gzipped();
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', String(buffer.length));
    res.end(buffer);
    return;
  }
  res.send(body);
}

function zodMessage(error: z.ZodError): string {
  return error.issues
    .map(i => `${i.path.join('.') || 'query'}: ${i.message}`)
    .join('; ');
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    httpAuth,
    permissions,
    clusterData,
    entityWorkloads,
    templates,
    allocations,
  } = options;
  const router = Router();
  router.use(express.json());

  const credentialsOf = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  /** Authenticates, then checks jetstream2-kubernetes.clusters.read; throws NotAllowedError on DENY. */
  async function authorizeClusterRead(req: express.Request) {
    const credentials = await credentialsOf(req);
    const [decision] = await permissions.authorize(
      [{ permission: jetstream2KubernetesClustersReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'You are not allowed to read Kubernetes cluster data',
      );
    }
    return credentials;
  }

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/clusters', async (req, res) => {
    await authorizeClusterRead(req);
    sendWithEtag(req, res, JSON.stringify(await clusterData.listClusters()));
  });

  router.get('/clusters/:name', async (req, res) => {
    await authorizeClusterRead(req);
    const detail = await clusterData.getCluster(req.params.name);
    if (!detail) {
      throw new NotFoundError(
        `No cluster named "${req.params.name}"; clusters come from kubernetes.clusterLocatorMethods in app-config`,
      );
    }
    sendWithEtag(req, res, JSON.stringify(detail));
  });

  addCapacityRoute(router, { httpAuth, permissions, clusterData });

  router.get('/entities/:namespace/:kind/:name/workloads', async (req, res) => {
    const parsed = entityParams.safeParse(req.params);
    if (!parsed.success) {
      throw new InputError(
        `Malformed entity reference: ${zodMessage(parsed.error)}`,
      );
    }
    const credentials = await credentialsOf(req);
    const view = await entityWorkloads.getEntityWorkloadsView(parsed.data, {
      credentials,
    });
    sendWithEtag(req, res, view.body, view.etag, view.gzipped);
  });

  // The pods' current usage, apart from the cached view: it changes with every metrics poll.
  router.get('/entities/:namespace/:kind/:name/usage', async (req, res) => {
    const parsed = entityParams.safeParse(req.params);
    if (!parsed.success) {
      throw new InputError(
        `Malformed entity reference: ${zodMessage(parsed.error)}`,
      );
    }
    const credentials = await credentialsOf(req);
    const usage = await entityWorkloads.getPodUsage(parsed.data, {
      credentials,
    });
    sendWithEtag(req, res, JSON.stringify(usage));
  });

  router.get('/entities/:namespace/:kind/:name/logs', async (req, res) => {
    const parsed = entityParams.safeParse(req.params);
    if (!parsed.success) {
      throw new InputError(
        `Malformed entity reference: ${zodMessage(parsed.error)}`,
      );
    }
    const query = logsQuery.safeParse(req.query);
    if (!query.success) {
      throw new InputError(`Invalid log request: ${zodMessage(query.error)}`);
    }
    const credentials = await credentialsOf(req);
    const { cluster, podNamespace, pod, container, previous, tailLines } =
      query.data;
    const text = await entityWorkloads.getPodLogs(
      parsed.data,
      {
        cluster,
        namespace: podNamespace,
        pod,
        container,
        previous: previous === 'true',
        tailLines,
      },
      { credentials },
    );
    res.type('text/plain').send(text);
  });

  // An allocation's balance, burn history, runway and spenders; allowed to its group and the platform team.
  router.get('/allocations/:namespace/:name', async (req, res) => {
    const parsed = allocationParams.safeParse(req.params);
    if (!parsed.success) {
      throw new InputError(
        `Malformed allocation reference: ${zodMessage(parsed.error)}`,
      );
    }
    const credentials = await credentialsOf(req);
    const allocation = await allocations.getAllocation(parsed.data, {
      credentials,
    });
    sendWithEtag(req, res, JSON.stringify(allocation));
  });

  router.get('/templates', async (req, res) => {
    const credentials = await credentialsOf(req);
    res.json(await templates.listClusterTemplates({ credentials }));
  });

  return router;
}
