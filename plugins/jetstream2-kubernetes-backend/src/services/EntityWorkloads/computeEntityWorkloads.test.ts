import type { KubeObject } from '@internal/plugin-jetstream2-kubernetes-common';
import { ObjectIndex } from '../ClusterCollector/objectIndex';
import { computeEntityWorkloads } from './computeEntityWorkloads';

const node: KubeObject = {
  kind: 'Node',
  metadata: {
    name: 'node-1',
    labels: { 'node.kubernetes.io/instance-type': 'm3.medium' },
  },
  status: {
    allocatable: { cpu: '8', memory: '30Gi', pods: '110' },
    conditions: [{ type: 'Ready', status: 'True' }],
  },
};

const pod = (name: string): KubeObject => ({
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'science',
    labels: { app: 'api' },
    ownerReferences: [{ kind: 'StatefulSet', name: 'api', controller: true }],
  } as any,
  spec: {
    nodeName: 'node-1',
    containers: [
      { name: 'c', resources: { requests: { cpu: '2', memory: '4Gi' } } },
    ],
  },
  status: { phase: 'Running' },
});

const event = (name: string, about: string, at: string): KubeObject => ({
  kind: 'Event',
  metadata: { name, namespace: 'science' },
  involvedObject: { kind: 'Pod', namespace: 'science', name: about },
  type: 'Normal',
  reason: name,
  message: name,
  lastTimestamp: at,
});

describe('computeEntityWorkloads', () => {
  function run(maxEvents = 10) {
    const index = new ObjectIndex();
    index.upsert('nodes', node);
    const pods = [pod('api-0'), pod('api-1')];
    for (const p of pods) index.upsert('pods', p);
    index.upsert('events', event('older', 'api-0', '2026-11-30T00:00:01Z'));
    index.upsert('events', event('newer', 'api-1', '2026-11-30T00:00:02Z'));
    index.upsert('events', event('newest', 'api-0', '2026-11-30T00:00:03Z'));
    return computeEntityWorkloads({
      entityRef: 'component:default/api',
      selector: { labelSelector: 'app=api', source: 'label-selector' } as any,
      selections: [
        { cluster: 'a', status: 'ok', objects: { pods } },
        {
          cluster: 'down',
          status: 'error',
          error: { reason: 'unreachable', message: 'connect ECONNREFUSED' },
          objects: {},
        },
      ],
      indexOf: cluster => (cluster === 'a' ? index : undefined),
      maxEvents,
    });
  }

  it('answers every cluster, with its error, and the objects found in each', () => {
    const view = run();
    expect(view.clustersSearched).toEqual(['a', 'down']);
    expect(view.clusters.map(c => [c.cluster, c.status])).toEqual([
      ['a', 'ok'],
      ['down', 'error'],
    ]);
    expect(view.clusters[1].error?.message).toBe('connect ECONNREFUSED');
    const pods = view.clusters[0].resources.find(r => r.type === 'pods');
    expect(pods?.resources.map((p: any) => p.metadata.name)).toEqual([
      'api-0',
      'api-1',
    ]);
    expect(view.concepts.find(c => c.conceptId === 'pod')?.count).toBe(2);
  });

  it('lists the newest events first, at most maxEvents', () => {
    expect(run().events!.map(e => e.reason)).toEqual([
      'newest',
      'newer',
      'older',
    ]);
    expect(run(2).events!.map(e => e.reason)).toEqual(['newest', 'newer']);
  });

  it('adds the cost up per workload and names the cluster', () => {
    const cost = run().cost!;
    expect(cost.byCluster.map(c => c.cluster)).toEqual(['a']);
    expect(cost.byWorkload).toHaveLength(1);
    expect(cost.byWorkload[0]).toMatchObject({
      kind: 'StatefulSet',
      name: 'api',
    });
    expect(cost.byWorkload[0].suPerHour).toBeCloseTo(cost.suPerHour);
    expect(cost.suPerMonth).toBeGreaterThan(cost.suPerHour);
  });
});
