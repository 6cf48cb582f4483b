import type {
  ClusterWorkloads,
  EntityWorkloadsResponse,
  WorkloadRow,
} from '../types';
import {
  compareWorkloadsVerdicts,
  judgeWorkloads,
  needsAPerson,
} from './workloadsHealth';

const cluster = (
  name: string,
  status: 'ok' | 'error' = 'ok',
): ClusterWorkloads => ({
  cluster: name,
  status,
  resources: [],
  concepts: [],
  insights: [],
});

const row = (
  kind: string,
  name: string,
  verdict: WorkloadRow['verdict'],
  status: string = verdict,
): WorkloadRow => ({
  kind,
  namespace: 'science',
  name,
  clusters: ['a'],
  status,
  verdict,
  healthy: verdict !== 'error' && verdict !== 'warning',
});

const view = (
  workloads: WorkloadRow[],
  clusters = [cluster('a')],
  extra: Partial<EntityWorkloadsResponse> = {},
) =>
  ({
    entityRef: 'component:default/x',
    clustersSearched: clusters.map(c => c.cluster),
    clusters,
    workloads,
    concepts: [],
    insights: [],
    recommendedGuides: [],
    events: [],
    ...extra,
  } as unknown as EntityWorkloadsResponse);

describe('judgeWorkloads', () => {
  it('says nothing was found, and why that may be', () => {
    expect(judgeWorkloads(view([]))).toEqual({
      clusters: [],
      verdict: 'unknown',
      summary: 'No workloads found in any cluster',
    });
    expect(
      judgeWorkloads(view([], [cluster('a'), cluster('b', 'error')])),
    ).toEqual({
      clusters: [],
      verdict: 'warning',
      summary: 'No workloads found; 1 cluster could not be read',
    });
  });

  it('puts what needs attention first, naming the worst workload', () => {
    const health = judgeWorkloads(
      view([
        row('Deployment', 'api', 'ok', '2/2 ready'),
        row('Deployment', 'worker', 'error', 'CrashLoopBackOff'),
        row('StatefulSet', 'cache', 'warning', '0/1 ready'),
      ]),
    );
    expect(health).toEqual({
      clusters: ['a'],
      verdict: 'error',
      summary:
        '2 of 3 workloads need attention: Deployment worker CrashLoopBackOff',
    });
  });

  it('tells starting, finished and healthy apart, and downgrades to a warning when a cluster is unreadable', () => {
    expect(
      judgeWorkloads(view([row('Job', 'migrate', 'progressing', 'Running')]))
        .summary,
    ).toBe('Job migrate Running');
    expect(
      judgeWorkloads(view([row('Job', 'a', 'done'), row('Job', 'b', 'done')])),
    ).toEqual({
      clusters: ['a'],
      verdict: 'done',
      summary: '2 workloads finished',
    });
    expect(
      judgeWorkloads(
        view(
          [row('Deployment', 'api', 'ok')],
          [cluster('a'), cluster('b', 'error')],
        ),
      ),
    ).toEqual({
      clusters: ['a'],
      verdict: 'warning',
      summary: '1 workload healthy; 1 cluster could not be read',
    });
  });

  it('carries the first guide with its strongest reason, and the SU burn', () => {
    const health = judgeWorkloads(
      view([row('Deployment', 'api', 'ok')], [cluster('a')], {
        recommendedGuides: [
          {
            guideId: 'k8s-gpu',
            severity: 'warning',
            reasons: ['No GPU node.', 'Second.'],
          },
          { guideId: 'k8s-volumes', severity: 'info', reasons: ['Later.'] },
        ],
        cost: {
          suPerHour: 1.5,
          suPerMonth: 1095,
          byCluster: [],
          byWorkload: [],
          unknownFlavorPods: [],
        },
      } as Partial<EntityWorkloadsResponse>),
    );
    expect(health.guide).toEqual({ id: 'k8s-gpu', reason: 'No GPU node.' });
    expect(health.suPerHour).toBe(1.5);
  });

  it('names the clusters the objects are on: those with workloads, and those with other objects', () => {
    const withPvc: ClusterWorkloads = {
      ...cluster('c'),
      resources: [
        { type: 'persistentvolumeclaims', resources: [{ metadata: {} }] },
      ],
    } as unknown as ClusterWorkloads;
    const health = judgeWorkloads(
      view(
        [{ ...row('Deployment', 'api', 'ok'), clusters: ['a', 'b'] }],
        [cluster('a'), cluster('b'), withPvc, cluster('empty')],
      ),
    );
    expect([...health.clusters].sort()).toEqual(['a', 'b', 'c']);
  });

  it('needs a person for failing, needing a look and unknown; not for starting, running or finished', () => {
    expect(
      (
        ['error', 'warning', 'unknown', 'progressing', 'ok', 'done'] as const
      ).filter(needsAPerson),
    ).toEqual(['error', 'warning', 'unknown']);
  });

  it('orders verdicts worst first, unknown between needing a look and on its way', () => {
    const verdicts = [
      'done',
      'ok',
      'progressing',
      'unknown',
      'warning',
      'error',
    ] as const;
    expect([...verdicts].sort(compareWorkloadsVerdicts)).toEqual([
      'error',
      'warning',
      'unknown',
      'progressing',
      'ok',
      'done',
    ]);
  });
});
