import { HOUR_MS } from './forecast';
import { chargeAllocation, chargedTo, meanPart, type SuSample } from './charge';

// One shared cluster js2-demo (80 SU/h of nodes) paid by the platform allocation rct000001; JupyterHub is
// charged to science-gateways' sgw240017, the training service to data-science's dsc240021, and a service
// without an annotation stays with the cluster. A second cluster gpu-lab is data-science's own.
const rules = {
  clusterAllocation: new Map([
    ['js2-demo', 'rct000001'],
    ['gpu-lab', 'dsc240021'],
  ]),
  entityAllocation: new Map([
    ['component:default/jupyterhub', 'sgw240017'],
    ['component:default/gpu-training', 'dsc240021'],
  ]),
};
const t0 = Date.UTC(2026, 11, 7, 10);
const t1 = t0 + HOUR_MS;
const samples: SuSample[] = [
  { at: t0, cluster: 'js2-demo', suPerHour: 80 },
  {
    at: t0,
    cluster: 'js2-demo',
    entityRef: 'component:default/jupyterhub',
    suPerHour: 3,
  },
  {
    at: t0,
    cluster: 'js2-demo',
    entityRef: 'component:default/gpu-training',
    suPerHour: 32,
  },
  {
    at: t0,
    cluster: 'js2-demo',
    entityRef: 'component:default/binderhub',
    suPerHour: 2,
  },
  { at: t0, cluster: 'gpu-lab', suPerHour: 64 },
  {
    at: t0,
    cluster: 'gpu-lab',
    entityRef: 'component:default/gpu-training',
    suPerHour: 16,
  },
  { at: t1, cluster: 'js2-demo', suPerHour: 80 },
  {
    at: t1,
    cluster: 'js2-demo',
    entityRef: 'component:default/jupyterhub',
    suPerHour: 5,
  },
  { at: t1, cluster: 'gpu-lab', suPerHour: 64 },
];

describe('chargeAllocation', () => {
  it('charges the cluster owner the nodes less the pods charged to other allocations', () => {
    const c = chargeAllocation('rct000001', samples, rules);
    // 80 - 3 - 32 (binderhub has no allocation: it stays with the cluster); then 80 - 5
    expect(c.history).toEqual([
      { at: t0, suPerHour: 45 },
      { at: t1, suPerHour: 75 },
    ]);
    expect([...c.byCluster.keys()]).toEqual(['js2-demo']);
    expect([...c.byEntity.keys()]).toEqual(['component:default/binderhub']);
  });

  it('charges a service allocation its pods wherever they run', () => {
    const c = chargeAllocation('sgw240017', samples, rules);
    expect(c.history).toEqual([
      { at: t0, suPerHour: 3 },
      { at: t1, suPerHour: 5 },
    ]);
    expect(c.byCluster.get('js2-demo')).toEqual(c.history);
    expect(c.byEntity.get('component:default/jupyterhub')?.clusters).toEqual(
      new Set(['js2-demo']),
    );
  });

  it('adds a service on a shared cluster to an allocation that has a cluster of its own', () => {
    const c = chargeAllocation('dsc240021', samples, rules);
    // gpu-lab in full (64, its own pods are inside it) + gpu-training's 32 on js2-demo
    expect(c.history).toEqual([
      { at: t0, suPerHour: 96 },
      { at: t1, suPerHour: 64 },
    ]);
    expect(c.byCluster.get('gpu-lab')).toEqual([
      { at: t0, suPerHour: 64 },
      { at: t1, suPerHour: 64 },
    ]);
    expect(c.byCluster.get('js2-demo')).toEqual([{ at: t0, suPerHour: 32 }]);
    expect(c.byEntity.get('component:default/gpu-training')?.samples).toEqual([
      { at: t0, suPerHour: 48 },
    ]);
  });

  it('charges every SU once: the allocations add up to the clusters', () => {
    const total = ['rct000001', 'sgw240017', 'dsc240021']
      .map(id => chargeAllocation(id, samples, rules).history)
      .flat()
      .reduce((sum, s) => sum + s.suPerHour, 0);
    expect(total).toBe(80 + 64 + 80 + 64);
  });

  it('never charges a cluster below zero', () => {
    const c = chargeAllocation(
      'rct000001',
      [
        { at: t0, cluster: 'js2-demo', suPerHour: 8 },
        {
          at: t0,
          cluster: 'js2-demo',
          entityRef: 'component:default/jupyterhub',
          suPerHour: 9,
        },
      ],
      rules,
    );
    expect(c.history).toEqual([{ at: t0, suPerHour: 0 }]);
  });

  it('names the payer of a service in a cluster', () => {
    expect(chargedTo(rules, 'js2-demo', 'component:default/jupyterhub')).toBe(
      'sgw240017',
    );
    expect(chargedTo(rules, 'js2-demo', 'component:default/other')).toBe(
      'rct000001',
    );
    expect(
      chargedTo(rules, 'elsewhere', 'component:default/other'),
    ).toBeUndefined();
  });
});

describe('meanPart', () => {
  it('makes the parts add up to the whole over the window', () => {
    const c = chargeAllocation('dsc240021', samples, rules);
    const from = t0;
    const to = t1 + HOUR_MS;
    // the allocation has two covered hours: (96 + 64) / 2 = 80
    const parts = [...c.byCluster.values()].map(p =>
      meanPart(p, 2, HOUR_MS, from, to),
    );
    expect(parts).toEqual([64, 16]);
    expect(parts[0] + parts[1]).toBe(80);
    expect(meanPart([], 0, HOUR_MS, from, to)).toBe(0);
  });
});
