import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  type EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import {
  entityPod,
  fakeCollector,
  scienceApi,
} from './__testUtils__/fakeCollector';
import { createRouter } from './router';
import { createEntityWorkloadsService } from './services/EntityWorkloads/createEntityWorkloadsService';

// POST /entities/health: the home page card's one request, over the real entity workloads service.

const otherEntity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'secret-project',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'secret-project' },
  },
  spec: { type: 'service', owner: 'others', lifecycle: 'production' },
};

async function appWith(
  options: {
    credentials?: ReturnType<typeof mockCredentials.none>;
  } = {},
) {
  const fake = fakeCollector();
  fake.put('pods', entityPod('api-1', 'science-api'));
  fake.put('pods', entityPod('api-2', 'science-api', 'Pending'));
  fake.put('pods', entityPod('hidden-1', 'secret-project', 'Pending'));
  const permissions = mockServices.permissions.mock();
  // the user may read science-api's workloads, not secret-project's
  permissions.authorize.mockImplementation(async requests =>
    (requests as EvaluatePermissionRequest[]).map(r => ({
      result:
        (r as { resourceRef?: string }).resourceRef ===
        'component:default/secret-project'
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    })),
  );
  const router = await createRouter({
    httpAuth: mockServices.httpAuth({
      defaultCredentials: options.credentials,
    }),
    permissions,
    clusterData: {} as any,
    entityWorkloads: createEntityWorkloadsService({
      catalog: catalogServiceMock({
        entities: [scienceApi() as any, otherEntity as any],
      }),
      auth: mockServices.auth(),
      permissions,
      collector: fake.collector,
    }),
    templates: { listClusterTemplates: jest.fn() },
    allocations: { getAllocation: jest.fn(), summariseAll: jest.fn() },
    topology: {
      getTopologyView: jest.fn(),
      watchedEntities: jest.fn(),
      refreshViews: jest.fn(),
    },
  });
  return { app: express().use(router).use(mockErrorHandler()), fake };
}

describe('POST /entities/health', () => {
  it('judges each service from its view, in the order asked, and answers per entity what it cannot judge', async () => {
    const { app } = await appWith();
    const res = await request(app)
      .post('/entities/health')
      .send({
        entityRefs: [
          'component:default/science-api',
          'component:default/secret-project',
          'component:default/nobody',
        ],
      });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBeDefined();
    expect(res.body.items).toEqual([
      {
        entityRef: 'component:default/science-api',
        health: {
          verdict: 'progressing',
          summary: 'Pod api-2 Pending',
          suPerHour: 0,
          clusters: ['js2-demo'],
        },
      },
      {
        entityRef: 'component:default/secret-project',
        error: {
          name: 'NotAllowedError',
          message:
            'You are not allowed to read the Kubernetes workloads of component:default/secret-project',
        },
      },
      {
        entityRef: 'component:default/nobody',
        error: {
          name: 'NotFoundError',
          message: 'Entity component:default/nobody not found',
        },
      },
    ]);
    // nothing of the denied entity's workloads is sent (its pending pod would be named in a summary)
    expect(res.text).not.toContain('hidden-1');
  });

  it('follows the workloads: a health answer changes when a pod does', async () => {
    const { app, fake } = await appWith();
    const ask = () =>
      request(app)
        .post('/entities/health')
        .send({ entityRefs: ['component:default/science-api'] });
    const before = (await ask()).body.items[0].health;
    fake.remove('pods', entityPod('api-2', 'science-api', 'Pending'));
    const after = (await ask()).body.items[0].health;
    expect(before).toMatchObject({ verdict: 'progressing' });
    expect(after).toEqual({
      verdict: 'ok',
      summary: '1 workload healthy',
      suPerHour: 0,
      clusters: ['js2-demo'],
    });
  });

  it.each([
    [{}, 'entityRefs: Required'],
    [{ entityRefs: [] }, 'give at least one entity reference'],
    [
      { entityRefs: Array.from({ length: 201 }, (_, i) => `c${i}`) },
      'give at most 200 entity references',
    ],
    [{ entityRefs: ['component:default/a b'] }, 'Invalid entity reference'],
    [{ entityRefs: ['a'], extra: 1 }, 'Unrecognized key'],
  ])('answers 400 for %j, saying what is wrong', async (body, message) => {
    const { app } = await appWith();
    const res = await request(app).post('/entities/health').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(message);
  });

  it('answers 401 without credentials', async () => {
    const { app } = await appWith({ credentials: mockCredentials.none() });
    const res = await request(app)
      .post('/entities/health')
      .send({ entityRefs: ['component:default/science-api'] });
    expect(res.status).toBe(401);
  });
});
