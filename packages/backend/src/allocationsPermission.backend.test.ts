import path from 'node:path';
import {
  coreServices,
  createServiceFactory,
  type HttpAuthService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import jetstream2KubernetesPlugin from '@internal/plugin-jetstream2-kubernetes-backend';
import request from 'supertest';
import { userInfoFactory } from './__testUtils__/userInfoFactory';
import portalPolicyModule from './permissionPolicy';

// The allocation route's permission decided for real: the portal's policy answers CONDITIONAL (is the
// user's group the owner?), the permission backend asks the catalog to apply that condition to the
// allocation entity, read from the committed catalog/allocations.yaml.

/**
 * The mock HTTP auth service, except that a request a plugin makes on a user's behalf (the permission
 * backend asking the catalog to apply a condition) authenticates as that user with the plugin as actor, as
 * Backstage's real auth service does. The mock drops the actor, and the catalog's apply-conditions route
 * refuses a user without one. A request without a token has no credentials (401).
 */
const onBehalfOfHttpAuthFactory = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const httpAuth = mockServices.httpAuth({
      pluginId: plugin.getId(),
      defaultCredentials: mockCredentials.none(),
    });
    const PREFIX = 'mock-service-token:';
    return {
      async credentials(req: any, options?: any) {
        const header = String(req.headers.authorization ?? '');
        const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
        if (token?.startsWith(PREFIX)) {
          const { obo, target } = JSON.parse(token.slice(PREFIX.length));
          if (obo && target === plugin.getId()) {
            return mockCredentials.user(obo, {
              actor: { subject: 'plugin:permission' },
            });
          }
        }
        return httpAuth.credentials(req, options);
      },
      issueUserCookie: (res: any, options?: any) =>
        httpAuth.issueUserCookie(res, options),
    } as HttpAuthService;
  },
});

const catalogFile = (name: string) =>
  path.resolve(__dirname, '../../../catalog', name);

describe('the allocation route with the portal policy and the real catalog', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        permissionPlugin,
        portalPolicyModule,
        catalogPlugin,
        jetstream2KubernetesPlugin,
        userInfoFactory,
        onBehalfOfHttpAuthFactory,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            catalog: {
              rules: [{ allow: ['Resource', 'Group', 'User'] }],
              locations: ['allocations.yaml', 'org.yaml'].map(f => ({
                type: 'file',
                target: catalogFile(f),
              })),
            },
            kubernetes: { clusterLocatorMethods: [] },
            jetstream2Kubernetes: { notifications: { enabled: false } },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
    // the catalog ingests its files in the background: wait for the allocation, not for a time
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await request(server)
        .get(
          '/api/catalog/entities/by-name/resource/default/science-gateways-allocation',
        )
        .set('Authorization', mockCredentials.service.header());
      if (res.status === 200 && res.body.relations?.length) break;
      if (Date.now() > deadline) {
        throw new Error(
          `The catalog did not ingest catalog/allocations.yaml within 60 s (last answer ${res.status})`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }, 90_000);

  afterAll(async () => {
    await stop?.();
  });

  const get = (user: string, name = 'science-gateways-allocation') =>
    request(server)
      .get(`/api/jetstream2-kubernetes/allocations/default/${name}`)
      .set('Authorization', mockCredentials.user.header(user));

  it("answers the owning group's members", async () => {
    const res = await get('user:default/casey');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      allocationId: 'cis240017',
      owner: 'group:default/science-gateways',
      recordedBalanceSu: 3000,
      endDate: '2027-09-30',
      // no cluster is configured in this test: nothing burns, so there is no run-out date
      burnBasis: 'none',
      runwayDays: null,
    });
  });

  it('answers the platform team, for every allocation', async () => {
    expect((await get('user:default/avery')).status).toBe(200);
    expect(
      (await get('user:default/avery', 'data-science-allocation')).status,
    ).toBe(200);
  });

  it("refuses another group's members with 403, and nobody with 401", async () => {
    const res = await get('user:default/blake');
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    expect(
      (await get('user:default/blake', 'data-science-allocation')).status,
    ).toBe(200);
    const nobody = await request(server).get(
      '/api/jetstream2-kubernetes/allocations/default/science-gateways-allocation',
    );
    expect(nobody.status).toBe(401);
  });
});
