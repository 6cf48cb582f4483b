import type { KubeObjectsByKind } from '@internal/plugin-jetstream2-kubernetes-common';
import {
  deployment,
  obj,
  owner,
  rowIds,
} from '../../__testUtils__/kubeObjects';
import { mergeWorkloadRows } from './mergeWorkloadRows';

describe('mergeWorkloadRows', () => {
  it('leaves controller-owned pods and jobs to their controller row', () => {
    const objects: KubeObjectsByKind = {
      deployments: [deployment('web', 1)],
      replicaSets: [obj('ReplicaSet', 'web-5d9f')],
      pods: [
        obj('Pod', 'web-5d9f-abc', {
          owners: [owner('ReplicaSet', 'web-5d9f')],
          status: { phase: 'Running' },
        }),
        obj('Pod', 'bare', { status: { phase: 'Running' } }),
        // An owner that is not a controller does not hide the pod.
        obj('Pod', 'adopted', {
          owners: [owner('ConfigMap', 'cfg', false)],
          status: { phase: 'Running' },
        }),
      ],
      cronJobs: [obj('CronJob', 'nightly')],
      jobs: [
        obj('Job', 'nightly-2901', { owners: [owner('CronJob', 'nightly')] }),
        obj('Job', 'migrate', { status: { succeeded: 1 } }),
      ],
    };
    const rows = mergeWorkloadRows([{ cluster: 'c1', objects }]);
    expect(rowIds(rows)).toEqual([
      'CronJob/shop/nightly',
      'Deployment/shop/web',
      'Job/shop/migrate',
      'Pod/shop/adopted',
      'Pod/shop/bare',
    ]);
    // ReplicaSets have no row of their own.
    expect(rows.find(r => r.kind === 'ReplicaSet')).toBeUndefined();
  });

  it('merges one row per object across clusters; disagreeing clusters are each named and the worst verdict wins', () => {
    const rows = mergeWorkloadRows([
      {
        cluster: 'c1',
        objects: {
          deployments: [deployment('web', 1), deployment('api', 2, 2)],
        },
      },
      {
        cluster: 'c2',
        objects: {
          deployments: [deployment('web', 0), deployment('api', 2, 2)],
        },
      },
    ]);
    const web = rows.find(r => r.name === 'web')!;
    expect(web).toMatchObject({
      kind: 'Deployment',
      clusters: ['c1', 'c2'],
      status: 'c1: 1/1 ready; c2: 0/1 ready',
      verdict: 'error',
      healthy: false,
    });
    const api = rows.find(r => r.name === 'api')!;
    expect(api).toMatchObject({
      clusters: ['c1', 'c2'],
      status: '2/2 ready',
      verdict: 'ok',
      healthy: true,
    });
    expect(rows).toHaveLength(2);
    expect(rows.every(r => !('perCluster' in r))).toBe(true);
  });

  it('names every cluster once a third one disagrees, and keeps the worst verdict in any order', () => {
    const rows = mergeWorkloadRows([
      { cluster: 'c1', objects: { deployments: [deployment('web', 0)] } },
      { cluster: 'c2', objects: { deployments: [deployment('web', 1)] } },
      { cluster: 'c3', objects: { deployments: [deployment('web', 1)] } },
    ]);
    expect(rows[0]).toMatchObject({
      status: 'c1: 0/1 ready; c2: 1/1 ready; c3: 1/1 ready',
      verdict: 'error',
      healthy: false,
    });
  });

  it('keeps objects of the same name in different namespaces apart', () => {
    const rows = mergeWorkloadRows([
      {
        cluster: 'c1',
        objects: {
          services: [
            obj('Service', 'web', { spec: { type: 'ClusterIP' } }),
            obj('Service', 'web', {
              namespace: 'staging',
              spec: { type: 'ClusterIP' },
            }),
          ],
        },
      },
    ]);
    expect(rowIds(rows)).toEqual(['Service/shop/web', 'Service/staging/web']);
  });
});
