import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import {
  entityPod,
  fakeCollector,
  scienceApi,
} from './__testUtils__/fakeCollector';
import { createRouter } from './router';
import { podUsageKey } from './services/ClusterCollector/podUsage';
import { createEntityWorkloadsService } from './services/EntityWorkloads/createEntityWorkloadsService';
import type { ClusterDataService } from './services/ClusterData/types';
import type { EntityWorkloadsService } from './services/EntityWorkloads/types';

const usage = [
  {
    cluster: 'js2-demo',
    podMetrics: [
      {
        pod: { metadata: { name: 'api-1', namespace: 'science', uid: 'u1' } },
        cpu: { currentUsage: 0.012, requestTotal: 0.25, limitTotal: 0 },
        memory: {
          currentUsage: '47185920',
          requestTotal: '134217728',
          limitTotal: 0,
        },
        containers: [],
      },
    ],
  },
];

function makeApp(
  options: {
    deny?: boolean;
    credentials?: ReturnType<typeof mockCredentials.none>;
  } = {},
) {
  const clusterData: jest.Mocked<
    Pick<ClusterDataService, 'listClusters' | 'getCluster'>
  > = {
    listClusters: jest.fn().mockResolvedValue([]),
    getCluster: jest.fn().mockResolvedValue(undefined),
  };
  const entityWorkloads: jest.Mocked<EntityWorkloadsService> = {
    getEntityWorkloads: jest.fn(),
    getEntityWorkloadsView: jest.fn().mockResolvedValue({
      etag: '"v1"',
      body: JSON.stringify({ entityRef: 'component:default/x' }),
      gzipped: () => Buffer.from(''),
    }),
    selectForEntity: jest.fn(),
    watchedEntities: jest.fn(),
    refreshViews: jest.fn().mockResolvedValue(0),
    getPodLogs: jest.fn().mockResolvedValue('line 1\nline 2\n'),
    getPodUsage: jest.fn().mockResolvedValue(usage),
  };
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([
    { result: options.deny ? AuthorizeResult.DENY : AuthorizeResult.ALLOW },
  ]);
  return createRouter({
    httpAuth: mockServices.httpAuth({
      defaultCredentials: options.credentials,
    }),
    permissions,
    clusterData: clusterData as any,
    entityWorkloads,
    templates: { listClusterTemplates: jest.fn().mockResolvedValue([]) },
    allocations: { getAllocation: jest.fn(), summariseAll: jest.fn() },
  }).then(router => ({
    app: express().use(router).use(mockErrorHandler()),
    clusterData,
    entityWorkloads,
    permissions,
  }));
}

describe('createRouter', () => {
  it('answers 401 without credentials, except for /health', async () => {
    const { app } = await makeApp({ credentials: mockCredentials.none() });
    for (const path of [
      '/clusters',
      '/clusters/x',
      '/templates',
      '/entities/default/component/x/workloads',
      '/entities/default/component/x/logs?cluster=c&podNamespace=n&pod=p',
      '/entities/default/component/x/usage',
      '/allocations/default/sgw',
    ]) {
      const res = await request(app).get(path);
      expect([path, res.status]).toEqual([path, 401]);
    }
    expect((await request(app).get('/health')).status).toBe(200);
  });

  it('answers 403 when the permission is denied', async () => {
    const { app, entityWorkloads, permissions } = await makeApp({ deny: true });
    expect((await request(app).get('/clusters')).status).toBe(403);
    expect((await request(app).get('/clusters/js2-demo')).status).toBe(403);
    expect(entityWorkloads.getEntityWorkloadsView).not.toHaveBeenCalled();
    expect(permissions.authorize.mock.calls[0][0]).toEqual([
      {
        permission: expect.objectContaining({
          name: 'jetstream2-kubernetes.clusters.read',
        }),
      },
    ]);
    // Templates need no cluster permission.
    expect((await request(app).get('/templates')).status).toBe(200);
  });

  it('answers 400 for malformed entity references', async () => {
    const { app, entityWorkloads } = await makeApp();
    const badKind = await request(app).get(
      '/entities/default/1nope/x/workloads',
    );
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.name).toBe('InputError');
    expect(badKind.body.error.message).toContain(
      'kind must start with a letter',
    );
    const badName = await request(app).get(
      `/entities/default/component/${encodeURIComponent('a b')}/workloads`,
    );
    expect(badName.status).toBe(400);
    expect(entityWorkloads.getEntityWorkloadsView).not.toHaveBeenCalled();
  });

  it('answers 404 for unknown clusters, and has no catalogue routes (the catalogue is in -common)', async () => {
    const { app } = await makeApp();
    const unknown = await request(app).get('/clusters/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('No cluster named "nope"');
    for (const path of ['/guides', '/guides/x', '/concepts', '/concepts/pod']) {
      expect([path, (await request(app).get(path)).status]).toEqual([
        path,
        404,
      ]);
    }
  });

  it('passes a valid entity reference and the caller credentials on', async () => {
    const { app, entityWorkloads } = await makeApp();
    const res = await request(app).get(
      '/entities/default/Component/jupyterhub/workloads',
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ entityRef: 'component:default/x' });
    expect(entityWorkloads.getEntityWorkloadsView).toHaveBeenCalledWith(
      { namespace: 'default', kind: 'Component', name: 'jupyterhub' },
      {
        credentials: expect.objectContaining({
          principal: expect.objectContaining({ type: 'user' }),
        }),
      },
    );
  });

  it('sends an ETag and answers 304 when the client already has the view', async () => {
    const { app } = await makeApp();
    const path = '/entities/default/component/x/workloads';
    const first = await request(app).get(path);
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe('"v1"');
    const again = await request(app).get(path).set('If-None-Match', '"v1"');
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    const changed = await request(app).get(path).set('If-None-Match', '"v0"');
    expect(changed.status).toBe(200);
    const clusters = await request(app).get('/clusters');
    expect(clusters.headers.etag).toMatch(/^".+"$/);
    expect(
      (
        await request(app)
          .get('/clusters')
          .set('If-None-Match', clusters.headers.etag)
      ).status,
    ).toBe(304);
  });

  it('serves pod logs as text and refuses malformed log requests', async () => {
    const { app, entityWorkloads } = await makeApp();
    const ok = await request(app).get(
      '/entities/default/component/x/logs?cluster=js2-demo&podNamespace=science&pod=api-1&container=api&previous=true&tailLines=50',
    );
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toMatch(/text\/plain/);
    expect(ok.text).toBe('line 1\nline 2\n');
    expect(entityWorkloads.getPodLogs).toHaveBeenCalledWith(
      { namespace: 'default', kind: 'component', name: 'x' },
      {
        cluster: 'js2-demo',
        namespace: 'science',
        pod: 'api-1',
        container: 'api',
        previous: true,
        tailLines: 50,
      },
      expect.anything(),
    );
    for (const query of [
      'cluster=c&podNamespace=n&pod=p&tailLines=-1',
      'cluster=c&podNamespace=n&pod=p&tailLines=abc',
      'podNamespace=n&pod=p',
      'cluster=c&podNamespace=n&pod=p&previous=maybe',
    ]) {
      const res = await request(app).get(
        `/entities/default/component/x/logs?${query}`,
      );
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.body.error.name).toBe('InputError');
    }
    expect(entityWorkloads.getPodLogs).toHaveBeenCalledTimes(1);
  });

  it("serves the entity's pod usage with an ETag, for the caller", async () => {
    const { app, entityWorkloads } = await makeApp();
    const path = '/entities/default/Component/jupyterhub/usage';
    const res = await request(app).get(path);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(usage);
    expect(entityWorkloads.getPodUsage).toHaveBeenCalledWith(
      { namespace: 'default', kind: 'Component', name: 'jupyterhub' },
      {
        credentials: expect.objectContaining({
          principal: expect.objectContaining({ type: 'user' }),
        }),
      },
    );
    // the view is not asked for: usage stays out of the cached view
    expect(entityWorkloads.getEntityWorkloadsView).not.toHaveBeenCalled();
    const again = await request(app)
      .get(path)
      .set('If-None-Match', res.headers.etag);
    expect(again.status).toBe(304);
  });

  it('answers 400, 403 and 404 for pod usage as for the entity view', async () => {
    const { app, entityWorkloads } = await makeApp();
    const bad = await request(app).get('/entities/default/1nope/x/usage');
    expect(bad.status).toBe(400);
    expect(bad.body.error.name).toBe('InputError');
    expect(entityWorkloads.getPodUsage).not.toHaveBeenCalled();

    entityWorkloads.getPodUsage.mockRejectedValueOnce(
      new NotAllowedError('not yours'),
    );
    const denied = await request(app).get(
      '/entities/default/component/x/usage',
    );
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe('not yours');

    entityWorkloads.getPodUsage.mockRejectedValueOnce(
      new NotFoundError('Entity component:default/x not found'),
    );
    const missing = await request(app).get(
      '/entities/default/component/x/usage',
    );
    expect(missing.status).toBe(404);
  });
});

describe('createRouter with the real entity workloads service', () => {
  const entityPaths = {
    workloads: '/entities/default/component/science-api/workloads',
    usage: '/entities/default/component/science-api/usage',
    logs: '/entities/default/component/science-api/logs?cluster=js2-demo&podNamespace=science&pod=api-1',
  };

  /** The routes over the service and a cluster holding science-api's pod api-1, with usage. */
  async function appWith(result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
    const fake = fakeCollector();
    fake.put('pods', entityPod('api-1', 'science-api'));
    fake.setUsage({
      [podUsageKey('science', 'api-1')]: {
        containers: [{ name: 'app', cpu: '5m', memory: '10Mi' }],
      },
    });
    const permissions = mockServices.permissions.mock();
    permissions.authorize.mockResolvedValue([{ result }]);
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      permissions,
      clusterData: {} as any,
      entityWorkloads: createEntityWorkloadsService({
        catalog: catalogServiceMock({ entities: [scienceApi() as any] }),
        auth: mockServices.auth(),
        permissions,
        collector: fake.collector,
      }),
      templates: { listClusterTemplates: jest.fn() },
      allocations: { getAllocation: jest.fn(), summariseAll: jest.fn() },
    });
    return {
      app: express().use(router).use(mockErrorHandler()),
      fake,
      permissions,
    };
  }

  it.each(Object.entries(entityPaths))(
    'denies %s when the workloads permission is denied on the entity, and sends nothing of it',
    async (_route, path) => {
      const { app, fake, permissions } = await appWith(AuthorizeResult.DENY);
      const res = await request(app).get(path);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({
        name: 'NotAllowedError',
        message:
          'You are not allowed to read the Kubernetes workloads of component:default/science-api',
      });
      expect(res.text).not.toMatch(/uid-api-1|log line|"cpu"/);
      expect(fake.podLogs).not.toHaveBeenCalled();
      expect(permissions.authorize).toHaveBeenCalledWith(
        [
          {
            permission: expect.objectContaining({
              name: 'jetstream2-kubernetes.workloads.read',
            }),
            resourceRef: 'component:default/science-api',
          },
        ],
        expect.anything(),
      );
    },
  );

  it.each(Object.entries(entityPaths))(
    'serves %s when the permission allows it (the same set-up, so the denials above are not empty)',
    async (route, path) => {
      const { app, fake } = await appWith(AuthorizeResult.ALLOW);
      const res = await request(app).get(path);
      expect(res.status).toBe(200);
      expect(res.text).toContain(route === 'logs' ? 'log line' : 'api-1');
      expect(fake.podLogs).toHaveBeenCalledTimes(route === 'logs' ? 1 : 0);
    },
  );
});
