import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  concepts,
  getConcept,
  getGuide,
  jetstream2KubernetesClustersReadPermission,
  searchGuides,
} from '@internal/plugin-jetstream2-kubernetes-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { ClusterDataService } from './services/ClusterData/types';
import type { EntityWorkloadsService } from './services/EntityWorkloads/types';
import type { TemplatesService } from './services/Templates/createTemplatesService';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  clusterData: ClusterDataService;
  entityWorkloads: EntityWorkloadsService;
  templates: TemplatesService;
}

const guidesQuery = z
  .object({
    concept: z.string().min(1).max(100).optional(),
    source: z.enum(['jetstream2-docs', 'zonca.dev']).optional(),
    q: z.string().max(200).optional(),
  })
  .strict();

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

function zodMessage(error: z.ZodError): string {
  return error.issues
    .map(i => `${i.path.join('.') || 'query'}: ${i.message}`)
    .join('; ');
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, clusterData, entityWorkloads, templates } =
    options;
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

  router.get('/guides', async (req, res) => {
    await credentialsOf(req);
    const parsed = guidesQuery.safeParse(req.query);
    if (!parsed.success) {
      throw new InputError(`Invalid guide query: ${zodMessage(parsed.error)}`);
    }
    const { concept, source, q } = parsed.data;
    res.json(searchGuides({ conceptId: concept, source, text: q }));
  });

  router.get('/guides/:id', async (req, res) => {
    await credentialsOf(req);
    const guide = getGuide(req.params.id);
    if (!guide) throw new NotFoundError(`No guide with id "${req.params.id}"`);
    res.json(guide);
  });

  router.get('/concepts', async (req, res) => {
    await credentialsOf(req);
    res.json(concepts);
  });

  router.get('/concepts/:id', async (req, res) => {
    await credentialsOf(req);
    const concept = getConcept(req.params.id);
    if (!concept)
      throw new NotFoundError(`No concept with id "${req.params.id}"`);
    res.json(concept);
  });

  router.get('/clusters', async (req, res) => {
    await authorizeClusterRead(req);
    res.json(await clusterData.listClusters());
  });

  router.get('/clusters/:name', async (req, res) => {
    await authorizeClusterRead(req);
    const detail = await clusterData.getCluster(req.params.name);
    if (!detail) {
      throw new NotFoundError(
        `No cluster named "${req.params.name}"; clusters come from kubernetes.clusterLocatorMethods in app-config`,
      );
    }
    res.json(detail);
  });

  router.get('/entities/:namespace/:kind/:name/workloads', async (req, res) => {
    const parsed = entityParams.safeParse(req.params);
    if (!parsed.success) {
      throw new InputError(
        `Malformed entity reference: ${zodMessage(parsed.error)}`,
      );
    }
    const credentials = await authorizeClusterRead(req);
    res.json(
      await entityWorkloads.getEntityWorkloads(parsed.data, { credentials }),
    );
  });

  router.get('/templates', async (req, res) => {
    const credentials = await credentialsOf(req);
    res.json(await templates.listClusterTemplates({ credentials }));
  });

  return router;
}
