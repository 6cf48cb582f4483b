import type { EntityWorkloadsResponse } from '@internal/plugin-jetstream2-kubernetes-common';
import { judgeService } from './judgeService';

const view = (
  workloads: EntityWorkloadsResponse['workloads'],
  extra: Partial<EntityWorkloadsResponse> = {},
): EntityWorkloadsResponse => ({
  entityRef: 'component:default/jupyterhub',
  selector: {
    labelSelector: 'backstage.io/kubernetes-id=jupyterhub',
    source: 'kubernetes-id',
  },
  clustersSearched: ['js2-demo'],
  clusters: [
    {
      cluster: 'js2-demo',
      status: 'ok',
      collectedAt: '2026-12-07T10:00:00Z',
      resources: [],
      concepts: [],
      insights: [],
    },
  ],
  workloads,
  concepts: [],
  insights: [],
  recommendedGuides: [],
  ...extra,
});

const row = (kind: string, name: string, verdict: any, status: string) => ({
  kind,
  namespace: 'jhub',
  name,
  clusters: ['js2-demo'],
  status,
  verdict,
  healthy: verdict !== 'error' && verdict !== 'warning',
});

describe('judgeService', () => {
  it('names the broken workload and the guide that fixes it', () => {
    const j = judgeService(
      view(
        [
          row('Deployment', 'hub', 'error', '0/1 ready'),
          row('Deployment', 'proxy', 'ok', '1/1 ready'),
          row(
            'Service',
            'proxy-public',
            'warning',
            'LoadBalancer without address',
          ),
        ],
        {
          recommendedGuides: [
            {
              guideId: 'k8s-volumes',
              reasons: ['The claim jhub/hub-db-dir is Pending'],
              severity: 'error',
            },
          ],
        },
      ),
    );
    expect(j).toEqual({
      state: 'failing',
      problem: 'Deployment jhub/hub: 0/1 ready',
      failingCount: 1,
      workloadCount: 3,
      guide: {
        id: 'k8s-volumes',
        title: expect.stringMatching(/volume/i),
        reason: 'The claim jhub/hub-db-dir is Pending',
      },
    });
  });

  it('is healthy with warnings only, and counts more failures', () => {
    expect(
      judgeService(view([row('Service', 's', 'warning', 'No address')])).state,
    ).toBe('healthy');
    const two = judgeService(
      view([
        row('Deployment', 'a', 'error', '0/1 ready'),
        row('Job', 'b', 'error', 'Failed'),
      ]),
    );
    expect(two.problem).toBe('Deployment jhub/a: 0/1 ready (and 1 more)');
    expect(two.guide).toBeUndefined();
  });

  it('does not judge what it cannot see', () => {
    const failing = [row('Deployment', 'hub', 'error', '0/1 ready')];
    const blind = (status: any, collectedAt?: string) =>
      judgeService(
        view(failing, {
          clusters: [
            {
              cluster: 'js2-demo',
              status,
              collectedAt,
              resources: [],
              concepts: [],
              insights: [],
            },
          ],
        }),
      ).state;
    expect(blind('pending')).toBe('unknown');
    expect(blind('error', '2026-12-07T10:00:00Z')).toBe('unknown');
    expect(blind('ok')).toBe('unknown');
    expect(judgeService(view([])).state).toBe('unknown');
  });
});
