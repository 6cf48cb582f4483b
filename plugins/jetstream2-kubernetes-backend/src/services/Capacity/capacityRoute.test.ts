import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { ClusterDetail } from '@internal/plugin-jetstream2-kubernetes-common';
import express from 'express';
import Router from 'express-promise-router';
import request from 'supertest';
import { addCapacityRoute } from './capacityRoute';

const detail = {
  name: 'js2-demo',
  status: 'ok',
  nodeCount: 1,
  readyNodeCount: 1,
  capacity: { cpuCores: 8, memoryBytes: 0, gpus: 1 },
  allocatable: { cpuCores: 8, memoryBytes: 0, gpus: 1 },
  requested: { cpuCores: 4, memoryBytes: 0, gpus: 1 },
  podCount: 1,
  nodes: [
    {
      name: 'js2-demo-gpu-worker-0',
      flavor: 'g3.medium',
      roles: [],
      ready: true,
      unschedulable: false,
      capacity: { cpuCores: 8, memoryBytes: 0, gpus: 1 },
      allocatable: { cpuCores: 8, memoryBytes: 0, gpus: 1 },
      requested: { cpuCores: 4, memoryBytes: 0, gpus: 1 },
      podCount: 1,
      conditions: [],
      taints: [{ key: 'nvidia.com/gpu', effect: 'NoSchedule' }],
      suPerHour: 32,
    },
  ],
  controlPlane: { checks: [], leases: [] },
  namespaces: ['ml'],
  workloadCounts: {},
  insights: [],
} as ClusterDetail;

function makeApp(
  options: {
    deny?: boolean;
    credentials?: ReturnType<typeof mockCredentials.none>;
  } = {},
) {
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([
    { result: options.deny ? AuthorizeResult.DENY : AuthorizeResult.ALLOW },
  ]);
  const getCluster = jest.fn(async (name: string) =>
    name === 'js2-demo' ? detail : undefined,
  );
  const router = Router();
  addCapacityRoute(router, {
    httpAuth: mockServices.httpAuth({
      defaultCredentials: options.credentials,
    }),
    permissions,
    clusterData: { getCluster },
  });
  return {
    app: express().use(router).use(mockErrorHandler()),
    permissions,
    getCluster,
  };
}

describe('GET /clusters/:name/capacity', () => {
  it('answers the free room by flavor, under its own permission', async () => {
    const { app, permissions } = makeApp();
    const res = await request(app).get('/clusters/js2-demo/capacity');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      cluster: 'js2-demo',
      status: 'ok',
      unavailableNodes: 0,
      groups: [
        {
          flavor: 'g3.medium',
          suPerHour: 32,
          gpuTaint: true,
          nodes: [
            {
              allocatable: { cpuCores: 8, memoryBytes: 0, gpus: 1 },
              free: { cpuCores: 4, memoryBytes: 0, gpus: 0 },
            },
          ],
        },
      ],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/gpu-worker|"ml"/);
    expect(permissions.authorize.mock.calls[0][0]).toEqual([
      {
        permission: expect.objectContaining({
          name: 'jetstream2-kubernetes.capacity.read',
        }),
      },
    ]);
  });

  it('answers 401 without credentials and 403 when the permission is denied', async () => {
    const anonymous = makeApp({ credentials: mockCredentials.none() });
    expect(
      (await request(anonymous.app).get('/clusters/js2-demo/capacity')).status,
    ).toBe(401);
    const denied = makeApp({ deny: true });
    const res = await request(denied.app).get('/clusters/js2-demo/capacity');
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    expect(denied.getCluster).not.toHaveBeenCalled();
  });

  it('answers 404 in words for an unknown cluster and 400 for a malformed name', async () => {
    const { app } = makeApp();
    const missing = await request(app).get('/clusters/nope/capacity');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(
      'No cluster named "nope"; clusters come from kubernetes.clusterLocatorMethods in app-config',
    );
    const bad = await request(app).get('/clusters/-bad%20name/capacity');
    expect(bad.status).toBe(400);
    expect(bad.body.error.name).toBe('InputError');
    expect(bad.body.error.message).toContain('is not a cluster name');
  });
});
