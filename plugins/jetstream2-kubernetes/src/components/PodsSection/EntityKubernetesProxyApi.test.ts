import type { KubernetesProxyApi } from '@backstage/plugin-kubernetes-react';
import type { ObjectEvent } from '@internal/plugin-jetstream2-kubernetes-common';
import { FakeJetstream2KubernetesApi } from '../../__testUtils__';
import type { PodLogsRequest } from '../../api';
import {
  DRAWER_TAIL_LINES,
  EntityKubernetesProxyApi,
} from './EntityKubernetesProxyApi';

const entity = { namespace: 'default', kind: 'Component', name: 'science-api' };

const event = (overrides: Partial<ObjectEvent>): ObjectEvent => ({
  cluster: 'js2-demo',
  type: 'Warning',
  reason: 'BackOff',
  message: 'Back-off restarting failed container',
  object: { kind: 'Pod', namespace: 'science', name: 'worker-1' },
  count: 1,
  lastSeen: '2025-01-01T12:00:00Z',
  ...overrides,
});

describe('EntityKubernetesProxyApi', () => {
  it('reads logs through our route for the entity, as upstream expects them', async () => {
    const requests: PodLogsRequest[] = [];
    const api = new FakeJetstream2KubernetesApi({
      logs: r => {
        requests.push(r);
        return 'boom\n';
      },
    });
    const proxy = new EntityKubernetesProxyApi({ entity, api, events: [] });
    await expect(
      proxy.getPodLogs({
        podName: 'worker-1',
        namespace: 'science',
        clusterName: 'js2-demo',
        containerName: 'worker',
        previous: true,
      }),
    ).resolves.toEqual({ text: 'boom\n' });
    expect(requests).toEqual([
      {
        entity,
        cluster: 'js2-demo',
        podNamespace: 'science',
        pod: 'worker-1',
        container: 'worker',
        previous: true,
        tailLines: DRAWER_TAIL_LINES,
      },
    ]);
  });

  it("answers a pod's events from the entity's events of that cluster and namespace", async () => {
    const events = [
      event({ reason: 'BackOff', count: 7 }),
      event({ reason: 'Pulled', type: 'Normal' }),
      event({ reason: 'OtherCluster', cluster: 'js2-old' }),
      event({
        reason: 'OtherNamespace',
        object: { kind: 'Pod', namespace: 'ml', name: 'worker-1' },
      }),
      event({
        reason: 'OtherPod',
        object: { kind: 'Pod', namespace: 'science', name: 'worker-2' },
      }),
    ];
    const proxy = new EntityKubernetesProxyApi({
      entity,
      api: new FakeJetstream2KubernetesApi(),
      events,
    });
    const found = await proxy.getEventsByInvolvedObjectName({
      clusterName: 'js2-demo',
      involvedObjectName: 'worker-1',
      namespace: 'science',
    });
    expect(found.map(e => e.reason)).toEqual(['BackOff', 'Pulled']);
    expect(found[0]).toMatchObject({
      type: 'Warning',
      message: 'Back-off restarting failed container',
      count: 7,
      lastTimestamp: '2025-01-01T12:00:00Z',
      involvedObject: { kind: 'Pod', namespace: 'science', name: 'worker-1' },
    });
    // seen 7 times: when it first happened is unknown; seen once: first is last
    expect(found[0].metadata.creationTimestamp).toBeUndefined();
    expect(found[1].metadata.creationTimestamp).toBe('2025-01-01T12:00:00Z');
    expect(new Set(found.map(e => e.metadata.name)).size).toBe(2);
  });

  it("leaves deleting a pod to the app's proxy API, and says so when there is none", async () => {
    const appProxy = {
      getPodLogs: jest.fn(),
      deletePod: jest.fn(async (_request: unknown) => ({ text: 'deleted' })),
      getEventsByInvolvedObjectName: jest.fn(),
    } satisfies KubernetesProxyApi;
    const request = {
      podName: 'worker-1',
      namespace: 'science',
      clusterName: 'js2-demo',
    };
    const api = new FakeJetstream2KubernetesApi();
    const withProxy = new EntityKubernetesProxyApi({
      entity,
      api,
      events: [],
      fallback: () => appProxy,
    });
    await expect(withProxy.deletePod(request)).resolves.toEqual({
      text: 'deleted',
    });
    expect(appProxy.deletePod).toHaveBeenCalledWith(request);

    const without = new EntityKubernetesProxyApi({
      entity,
      api,
      events: [],
      fallback: () => undefined,
    });
    await expect(without.deletePod(request)).rejects.toThrow(
      /needs the Kubernetes proxy API/,
    );
  });
});
