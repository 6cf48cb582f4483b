import net from 'node:net';
import { randomUUID } from 'node:crypto';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import request from 'supertest';
import { userInfoFactory } from './__testUtils__/userInfoFactory';
import portalPolicyModule from './permissionPolicy';

/** A loopback port that nothing listens on: the proxy's upstream is refused, never reached. */
async function unusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>(resolve => server.close(() => resolve()));
  return port;
}

describe('the policy in a real backend with the permission and kubernetes plugins', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const port = await unusedPort();
    const backend = await startTestBackend({
      features: [
        permissionPlugin,
        portalPolicyModule,
        kubernetesPlugin,
        userInfoFactory,
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'js2-test',
                      url: `http://127.0.0.1:${port}`,
                      authProvider: 'serviceAccount',
                      // generated per run: the cluster is never reached
                      serviceAccountToken: randomUUID(),
                      skipTLSVerify: true,
                    },
                  ],
                },
              ],
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop?.();
  });

  const proxyConfigMaps = () =>
    request(server)
      .get('/api/kubernetes/proxy/api/v1/configmaps')
      .set('Backstage-Kubernetes-Cluster', 'js2-test');

  it('closes the proxy to a researcher with 403', async () => {
    const res = await proxyConfigMaps().set(
      'Authorization',
      mockCredentials.user.header('user:default/blake'),
    );
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
  });

  it('lets a platform-team member through the permission check of the proxy', async () => {
    const res = await proxyConfigMaps().set(
      'Authorization',
      mockCredentials.user.header('user:default/avery'),
    );
    // The cluster's port is closed, so the proxy answers with an upstream error: anything but 401/403.
    expect(res.status).not.toBe(403);
    expect(res.status).not.toBe(401);
    expect(res.status).toBeGreaterThanOrEqual(500);
  });

  it('refuses a request without credentials with 401', async () => {
    const res = await proxyConfigMaps();
    expect(res.status).toBe(401);
    expect(res.body.error.name).toBe('AuthenticationError');
  });

  it('refuses a forged token with 401', async () => {
    const res = await proxyConfigMaps().set(
      'Authorization',
      'Bearer not-a-backstage-token',
    );
    expect(res.status).toBe(401);
  });

  it('shows the cluster list to the platform team only', async () => {
    const asAvery = await request(server)
      .get('/api/kubernetes/clusters')
      .set('Authorization', mockCredentials.user.header('user:default/avery'));
    expect(asAvery.status).toBe(200);
    expect(asAvery.body.items.map((c: { name: string }) => c.name)).toEqual([
      'js2-test',
    ]);
    const asBlake = await request(server)
      .get('/api/kubernetes/clusters')
      .set('Authorization', mockCredentials.user.header('user:default/blake'));
    expect(asBlake.status).toBe(403);
  });

  it('lets backend plugins calling with service credentials through, without asking the policy', async () => {
    const clusters = await request(server)
      .get('/api/kubernetes/clusters')
      .set('Authorization', mockCredentials.service.header());
    expect(clusters.status).toBe(200);
    const proxy = await proxyConfigMaps().set(
      'Authorization',
      mockCredentials.service.header(),
    );
    expect(proxy.status).not.toBe(403);
    expect(proxy.status).not.toBe(401);
  });

  it('answers the permission backend by group, and not without credentials', async () => {
    const authorize = (header?: string) => {
      const req = request(server)
        .post('/api/permission/authorize')
        .send({
          items: [
            {
              id: '1',
              permission: {
                type: 'basic',
                name: 'kubernetes.proxy',
                attributes: {},
              },
            },
            {
              id: '2',
              permission: {
                type: 'basic',
                name: 'kubernetes.resources.read',
                attributes: { action: 'read' },
              },
            },
          ],
        });
      return header ? req.set('Authorization', header) : req;
    };
    const results = (res: request.Response) =>
      res.body.items.map((i: { result: string }) => i.result);

    const blake = await authorize(
      mockCredentials.user.header('user:default/blake'),
    );
    expect(blake.status).toBe(200);
    expect(results(blake)).toEqual(['DENY', 'ALLOW']);

    const avery = await authorize(
      mockCredentials.user.header('user:default/avery'),
    );
    expect(results(avery)).toEqual(['ALLOW', 'ALLOW']);

    // Without credentials the permission backend refuses to answer at all.
    const nobody = await authorize();
    expect(nobody.status).toBe(401);
  });
});
