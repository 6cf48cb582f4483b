import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  parseLabelSelector,
  type KubeObject,
} from '@internal/plugin-jetstream2-kubernetes-common';
import {
  entityPod,
  fakeCollector,
  scienceApi,
} from '../../__testUtils__/fakeCollector';
import { podUsageKey } from '../ClusterCollector/podUsage';
import type { PodUsage } from '../ClusterCollector/types';
import { createEntityWorkloadsService } from './createEntityWorkloadsService';

// The service over a real ObjectIndex (what the watches fill) behind a minimal collector: these tests are
// about which views are served from the cache, made afresh, or refreshed ahead of a request.

const ref = { kind: 'component', namespace: 'default', name: 'science-api' };
const entityRef = 'component:default/science-api';

const entity = scienceApi;
const pod = entityPod;
let rv = 1_000;

function setup(options: { entities?: any[] } = {}) {
  const fake = fakeCollector();
  const catalog = catalogServiceMock({
    entities: (options.entities ?? [entity()]) as any,
  });
  const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([{ result: AuthorizeResult.ALLOW }]);
  const service = createEntityWorkloadsService({
    catalog,
    auth: mockServices.auth(),
    permissions,
    collector: fake.collector,
  });
  const credentials = mockCredentials.user();
  return {
    ...fake,
    service,
    getEntityByRef,
    permissions,
    view: () => service.getEntityWorkloadsView(ref, { credentials }),
    response: () => service.getEntityWorkloads(ref, { credentials }),
    usage: () => service.getPodUsage(ref, { credentials }),
  };
}

describe('createEntityWorkloadsService views', () => {
  it('serves the same view while nothing of the entity changes, even as the cluster churns', async () => {
    const s = setup();
    s.put('pods', pod('api-1', 'science-api'));
    const first = await s.view();
    expect(JSON.parse(first.body).workloads).toHaveLength(1);
    expect(await s.view()).toBe(first);
    // another service's pods, and a node heartbeat that changes no fact the view reads
    s.put('pods', pod('other-1', 'other'));
    s.put('pods', pod('other-2', 'other'));
    expect(await s.view()).toBe(first);
    // the catalog is asked once for the entity, not once per view
    expect(s.getEntityByRef).toHaveBeenCalledTimes(1);
  });

  it('makes a new view, with a new ETag, when one of its objects changes', async () => {
    const s = setup();
    s.put('pods', pod('api-1', 'science-api', 'Pending'));
    const first = await s.view();
    s.put('pods', pod('api-1', 'science-api', 'Running'));
    const second = await s.view();
    expect(second).not.toBe(first);
    expect(second.etag).not.toBe(first.etag);
    const [row] = JSON.parse(second.body).workloads;
    expect(row).toMatchObject({ name: 'api-1', status: 'Running' });
    expect(JSON.parse(first.body).workloads[0].status).toBe('Pending');
  });

  it('makes a new view when an event about one of its pods arrives', async () => {
    const s = setup();
    s.put('pods', pod('api-1', 'science-api'));
    const first = await s.view();
    s.put('events', {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'api-1.1', namespace: 'science', resourceVersion: '9' },
      involvedObject: { kind: 'Pod', namespace: 'science', name: 'api-1' },
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container',
      lastTimestamp: '2026-11-30T00:00:01Z',
    });
    const second = await s.view();
    expect(second).not.toBe(first);
    expect(JSON.parse(second.body).events.map((e: any) => e.reason)).toEqual([
      'BackOff',
    ]);
  });

  it('makes a new view when the cluster’s status changes without any object changing', async () => {
    const s = setup();
    s.put('pods', pod('api-1', 'science-api'));
    const first = await s.view();
    s.setError({ reason: 'unreachable', message: 'connect ECONNREFUSED' });
    const second = await s.view();
    expect(second).not.toBe(first);
    expect(JSON.parse(second.body).clusters[0]).toMatchObject({
      status: 'error',
      error: { message: 'connect ECONNREFUSED' },
    });
  });

  it('refreshes a changed view ahead of the next request, gzipped body included', async () => {
    const s = setup();
    s.put('pods', pod('api-1', 'science-api'));
    const first = await s.view();
    first.gzipped();
    s.put('pods', pod('api-2', 'science-api'));
    expect(await s.service.refreshViews([entityRef])).toBe(1);
    // nothing changed since: a second refresh does nothing
    expect(await s.service.refreshViews([entityRef])).toBe(0);
    const served = await s.view();
    expect(JSON.parse(served.body).workloads).toHaveLength(2);
    // the request found the refreshed view: asking again gives the very same one
    expect(await s.view()).toBe(served);
    const gz = served.gzipped();
    expect(served.gzipped()).toBe(gz);
  });

  it('does not refresh entities that were never viewed', async () => {
    const s = setup();
    s.put('pods', pod('api-1', 'science-api'));
    expect(await s.service.refreshViews([entityRef])).toBe(0);
    expect(s.getEntityByRef).not.toHaveBeenCalled();
  });

  it('answers the parsed response and the view alike', async () => {
    const s = setup();
    s.put('pods', pod('api-1', 'science-api'));
    const response = await s.response();
    const view = await s.view();
    expect(JSON.parse(view.body)).toEqual(JSON.parse(JSON.stringify(response)));
  });

  it('makes a new view when one of its pods loses the entity’s label, or is deleted', async () => {
    const s = setup();
    s.put('pods', pod('api-1', 'science-api'));
    s.put('pods', pod('api-2', 'science-api'));
    const first = await s.view();
    expect(JSON.parse(first.body).workloads).toHaveLength(2);
    s.put('pods', pod('api-1', 'moved-elsewhere'));
    const second = await s.view();
    expect(JSON.parse(second.body).workloads.map((w: any) => w.name)).toEqual([
      'api-2',
    ]);
    s.remove('pods', pod('api-2', 'science-api'));
    expect(JSON.parse((await s.view()).body).workloads).toEqual([]);
  });

  it('keeps the view through node heartbeats and remakes it when a node’s flavor changes', async () => {
    const s = setup();
    const node = (flavor: string, heartbeat: string): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: 'node-1',
        resourceVersion: String(++rv),
        labels: { 'node.kubernetes.io/instance-type': flavor },
      },
      status: {
        allocatable: { cpu: '8', memory: '30Gi', pods: '110' },
        conditions: [
          { type: 'Ready', status: 'True', lastHeartbeatTime: heartbeat },
        ],
      },
    });
    const scheduled = pod('api-1', 'science-api');
    (scheduled as any).spec.nodeName = 'node-1';
    (scheduled as any).spec.containers[0].resources = {
      requests: { cpu: '2', memory: '4Gi' },
    };
    s.put('nodes', node('m3.medium', '2026-11-30T00:00:00Z'));
    s.put('pods', scheduled);
    const first = await s.view();
    const costOf = (v: { body: string }) => JSON.parse(v.body).cost.suPerHour;
    expect(costOf(first)).toBeGreaterThan(0);
    s.put('nodes', node('m3.medium', '2026-11-30T00:00:10Z'));
    expect(await s.view()).toBe(first);
    s.put('nodes', node('m3.large', '2026-11-30T00:00:20Z'));
    const second = await s.view();
    expect(second).not.toBe(first);
    expect(costOf(second)).toBeGreaterThan(costOf(first));
  });
});

describe('createEntityWorkloadsService and the entity in the catalog', () => {
  afterEach(() => jest.useRealTimers());

  it('follows a change of the selector annotation once the cached entity expires (30 s)', async () => {
    // fake clock for the caches' 30 s; the view's own work (setImmediate, gzip) runs for real
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    const s = setup();
    s.put('pods', pod('api-1', 'science-api'));
    s.put('pods', pod('v2-1', 'science-api-v2'));
    const names = (v: { body: string }) =>
      JSON.parse(v.body).workloads.map((w: any) => w.name);
    const first = await s.view();
    expect(names(first)).toEqual(['api-1']);

    // the annotation now selects the v2 pods; nothing in the cluster changes
    s.getEntityByRef.mockResolvedValue(entity('science-api-v2') as any);
    jest.advanceTimersByTime(29_000);
    expect(await s.view()).toBe(first);
    jest.advanceTimersByTime(2_000);
    const second = await s.view();
    expect(names(second)).toEqual(['v2-1']);
    expect(second.etag).not.toBe(first.etag);
    // change notices now look for the new selector
    expect(s.service.watchedEntities()).toEqual([
      {
        entityRef,
        requirements: parseLabelSelector(
          'backstage.io/kubernetes-id=science-api-v2',
        ),
        namespace: undefined,
      },
    ]);
    // and a refresh keeps to it: a new v2 pod is in the refreshed view, an old-selector pod is not
    s.put('pods', pod('v2-2', 'science-api-v2'));
    s.put('pods', pod('api-2', 'science-api'));
    expect(await s.service.refreshViews([entityRef])).toBe(1);
    expect(names(await s.view())).toEqual(['v2-1', 'v2-2']);
  });
});

describe('createEntityWorkloadsService pod usage', () => {
  const withResources = (p: KubeObject): KubeObject => {
    (p as any).spec.containers[0].resources = {
      requests: { cpu: '250m', memory: '128Mi' },
      limits: { cpu: '500m', memory: '256Mi' },
    };
    return p;
  };
  const used = (cpu: string, memory: string): PodUsage => ({
    containers: [{ name: 'app', cpu, memory }],
  });

  it("gives upstream's podMetrics of the entity's own pods, each pod cut to its name", async () => {
    const s = setup();
    s.put('pods', withResources(pod('api-1', 'science-api')));
    s.put('pods', pod('api-2', 'science-api', 'Pending'));
    s.put('pods', pod('other-1', 'other'));
    s.setUsage({
      [podUsageKey('science', 'api-1')]: used('12345678n', '45Mi'),
      // another entity's pod: not in the answer
      [podUsageKey('science', 'other-1')]: used('1', '1Gi'),
      // api-2 not sampled yet: no entry, so upstream says "unknown" rather than 0%
    });
    expect(await s.usage()).toEqual([
      {
        cluster: 'js2-demo',
        podMetrics: [
          {
            pod: {
              metadata: {
                name: 'api-1',
                namespace: 'science',
                uid: 'uid-api-1',
              },
            },
            cpu: {
              currentUsage: 0.012345678,
              requestTotal: 0.25,
              limitTotal: 0.5,
            },
            memory: {
              currentUsage: '47185920',
              requestTotal: '134217728',
              limitTotal: '268435456',
            },
            containers: [
              {
                container: 'app',
                cpuUsage: {
                  currentUsage: 0.012345678,
                  requestTotal: 0.25,
                  limitTotal: 0.5,
                },
                memoryUsage: {
                  currentUsage: '47185920',
                  requestTotal: '134217728',
                  limitTotal: '268435456',
                },
              },
            ],
          },
        ],
      },
    ]);
  });

  it('answers an empty list for a cluster without metrics', async () => {
    const s = setup();
    s.put('pods', pod('api-1', 'science-api'));
    expect(await s.usage()).toEqual([{ cluster: 'js2-demo', podMetrics: [] }]);
  });

  it('follows each poll and leaves the cached view alone', async () => {
    const s = setup();
    s.put('pods', withResources(pod('api-1', 'science-api')));
    const view = await s.view();
    s.setUsage({ [podUsageKey('science', 'api-1')]: used('100m', '64Mi') });
    const first = await s.usage();
    s.setUsage({ [podUsageKey('science', 'api-1')]: used('200m', '64Mi') });
    const second = await s.usage();
    expect(first[0].podMetrics[0].cpu.currentUsage).toBe(0.1);
    expect(second[0].podMetrics[0].cpu.currentUsage).toBe(0.2);
    expect(await s.view()).toBe(view);
    expect(JSON.parse(view.body)).not.toHaveProperty('podMetrics');
    expect(await s.service.refreshViews([entityRef])).toBe(0);
  });

  it('does not make the entity watched (no view, no change notices)', async () => {
    const s = setup();
    s.put('pods', pod('api-1', 'science-api'));
    await s.usage();
    expect(s.service.watchedEntities()).toEqual([]);
  });

  it('checks the workloads permission on the entity, and that the entity exists', async () => {
    const s = setup();
    s.permissions.authorize.mockResolvedValueOnce([
      { result: AuthorizeResult.DENY },
    ]);
    await expect(s.usage()).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect(s.permissions.authorize.mock.calls[0][0]).toEqual([
      {
        permission: expect.objectContaining({
          name: 'jetstream2-kubernetes.workloads.read',
        }),
        resourceRef: entityRef,
      },
    ]);
    const none = setup({ entities: [] });
    await expect(none.usage()).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });
});
