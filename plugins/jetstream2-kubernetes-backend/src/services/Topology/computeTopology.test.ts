import type { KubeObject } from '@internal/plugin-jetstream2-kubernetes-common';
import type { EntityClusterSelection } from '../EntityWorkloads/types';
import {
  claim,
  deployment,
  hpa,
  ID_LABEL,
  node,
  pod,
  replicaSet,
  service,
} from './__fixtures__/kubeObjects';
import { clusterInput } from './__fixtures__/topologyInput';
import { computeTopology } from './computeTopology';

const hubSel = {
  'app.kubernetes.io/name': 'jupyterhub',
  'app.kubernetes.io/component': 'hub',
};
const proxySel = {
  'app.kubernetes.io/name': 'jupyterhub',
  'app.kubernetes.io/component': 'proxy',
};
const jh = { [ID_LABEL]: 'jupyterhub' };

/** The JupyterHub of the local control plane's seed, as its cache holds it. */
function jupyterhub(): KubeObject[] {
  const hub = deployment('hub', 'jhub', { ...jh, ...hubSel }, { ready: 0 });
  const proxy = deployment('proxy', 'jhub', { ...jh, ...proxySel });
  const hubRs = replicaSet(hub, '7cc6d868bd');
  const proxyRs = replicaSet(proxy, '7c85789fb5');
  return [
    hub,
    proxy,
    hubRs,
    proxyRs,
    pod('hub-7cc6d868bd-b426s', { owner: hubRs, claims: ['hub-db-dir'] }),
    pod('proxy-7c85789fb5-hxtdn', {
      owner: proxyRs,
      nodeName: 'js2-demo-worker-0',
    }),
    service('hub', 'jhub', jh, { selector: hubSel }),
    service('proxy-public', 'jhub', jh, {
      type: 'LoadBalancer',
      selector: proxySel,
    }),
    claim('hub-db-dir', 'jhub', jh, { storageClassName: 'cinder-csi' }),
    node('js2-demo-worker-0', 'm3.medium'),
  ];
}

/** The selection of one cluster as the view cache hands it over. */
function selection(
  cluster: string,
  objects: KubeObject[],
  id = 'jupyterhub',
): {
  sel: EntityClusterSelection;
  index: ReturnType<typeof clusterInput>['index'];
} {
  const input = clusterInput(objects, id);
  return {
    sel: { cluster, status: 'ok', objects: input.objects },
    index: input.index,
  };
}

function topologyOf(
  clusters: Array<ReturnType<typeof selection>>,
  entityRef = 'component:default/jupyterhub',
) {
  return computeTopology({
    entityRef,
    selections: clusters.map(c => c.sel),
    indexOf: name => clusters.find(c => c.sel.cluster === name)?.index,
  });
}

const labelOf = (t: ReturnType<typeof topologyOf>) => (id: string) => {
  const n = t.nodes.find(x => x.id === id)!;
  return `${n.kind}/${n.name}`;
};

describe('computeTopology', () => {
  it("shows JupyterHub's hub Service → hub pod → pending claim, with the volumes guide on the claim", () => {
    const t = topologyOf([selection('js2-demo', jupyterhub())]);
    const label = labelOf(t);
    const edges = t.edges.map(
      e => `${label(e.from)} -${e.type}-> ${label(e.to)}`,
    );
    expect(edges).toEqual(
      expect.arrayContaining([
        'Service/hub -selects-> Pod/hub-7cc6d868bd-b426s',
        'Pod/hub-7cc6d868bd-b426s -mounts-> PersistentVolumeClaim/hub-db-dir',
        'PersistentVolumeClaim/hub-db-dir -storage-class-> StorageClass/cinder-csi',
        'Deployment/hub -owns-> ReplicaSet/hub-7cc6d868bd',
        'ReplicaSet/hub-7cc6d868bd -owns-> Pod/hub-7cc6d868bd-b426s',
        'Pod/proxy-7c85789fb5-hxtdn -runs-on-> Node/js2-demo-worker-0',
        'Service/proxy-public -exposes-> ExternalAddress/proxy-public: none yet',
      ]),
    );
    const byName = (kind: string, name: string) =>
      t.nodes.find(n => n.kind === kind && n.name === name);
    expect(byName('PersistentVolumeClaim', 'hub-db-dir')).toMatchObject({
      verdict: 'warning',
      status: 'Pending',
      guideId: 'k8s-volumes',
      ruleId: 'pvc-pending',
    });
    // the LoadBalancer and its missing address carry the guide the rules pick for it
    expect(byName('Service', 'proxy-public')).toMatchObject({
      verdict: 'warning',
      guideId: 'k8s-external-address',
      ruleId: 'no-external-address',
    });
    expect(byName('ExternalAddress', 'proxy-public: none yet')).toMatchObject({
      guideId: 'k8s-external-address',
    });
    // a healthy object has no guide
    expect(byName('Pod', 'proxy-7c85789fb5-hxtdn')?.guideId).toBeUndefined();
    // the reasons, for the side panel
    expect(t.insights.map(i => [i.ruleId, i.cluster])).toEqual(
      expect.arrayContaining([
        ['pvc-pending', 'js2-demo'],
        ['no-external-address', 'js2-demo'],
      ]),
    );
    expect(t.insights.every(i => i.severity !== 'info')).toBe(true);
  });

  it("shows Science API's Deployment → ReplicaSet → pods on their nodes, and the HPA on its Deployment", () => {
    const sa = {
      [ID_LABEL]: 'science-api',
      'app.kubernetes.io/part-of': 'science',
    };
    const api = deployment('api', 'science', sa, { replicas: 3 });
    const rs = replicaSet(api, '555f698fc9');
    const objects = [
      api,
      rs,
      hpa('api', 'science', sa, { kind: 'Deployment', name: 'api' }),
      ...['dhxvd', 'lqzjh', 'lrdgr'].map((s, i) =>
        pod(`api-555f698fc9-${s}`, {
          owner: rs,
          nodeName: `js2-demo-worker-${i}`,
        }),
      ),
      ...[0, 1, 2].map(i =>
        node(`js2-demo-worker-${i}`, i ? 'm3.large' : 'm3.medium'),
      ),
    ];
    const t = topologyOf(
      [selection('js2-demo', objects, 'science-api')],
      'component:default/science-api',
    );
    const label = labelOf(t);
    expect(
      t.edges.map(e => `${label(e.from)} -${e.type}-> ${label(e.to)}`).sort(),
    ).toEqual([
      'Deployment/api -owns-> ReplicaSet/api-555f698fc9',
      'HorizontalPodAutoscaler/api -scales-> Deployment/api',
      'Pod/api-555f698fc9-dhxvd -runs-on-> Node/js2-demo-worker-0',
      'Pod/api-555f698fc9-lqzjh -runs-on-> Node/js2-demo-worker-1',
      'Pod/api-555f698fc9-lrdgr -runs-on-> Node/js2-demo-worker-2',
      'ReplicaSet/api-555f698fc9 -owns-> Pod/api-555f698fc9-dhxvd',
      'ReplicaSet/api-555f698fc9 -owns-> Pod/api-555f698fc9-lqzjh',
      'ReplicaSet/api-555f698fc9 -owns-> Pod/api-555f698fc9-lrdgr',
    ]);
    expect(t.nodes.find(n => n.kind === 'Deployment')?.group).toBe('science');
    expect(t.insights).toEqual([]);
  });

  it('keeps each cluster apart, and lists a cluster it cannot read without drawing anything there', () => {
    const t = computeTopology({
      entityRef: 'component:default/jupyterhub',
      selections: [
        selection('js2-a', jupyterhub()).sel,
        selection('js2-b', jupyterhub()).sel,
        {
          cluster: 'down',
          status: 'error',
          error: { reason: 'unreachable', message: 'connect ECONNREFUSED' },
          objects: {},
        },
      ],
      indexOf: name =>
        name === 'down' ? undefined : clusterInput(jupyterhub()).index,
    });
    expect(t.clusters).toEqual([
      { cluster: 'js2-a', status: 'ok' },
      { cluster: 'js2-b', status: 'ok' },
      {
        cluster: 'down',
        status: 'error',
        error: { reason: 'unreachable', message: 'connect ECONNREFUSED' },
      },
    ]);
    const pods = t.nodes.filter(n => n.kind === 'Pod');
    expect(pods.map(p => p.id).sort()).toEqual([
      'js2-a/Pod/jhub/hub-7cc6d868bd-b426s',
      'js2-a/Pod/jhub/proxy-7c85789fb5-hxtdn',
      'js2-b/Pod/jhub/hub-7cc6d868bd-b426s',
      'js2-b/Pod/jhub/proxy-7c85789fb5-hxtdn',
    ]);
    expect(t.nodes.some(n => n.cluster === 'down')).toBe(false);
    // every edge joins two nodes of the same cluster
    const clusterOf = new Map(t.nodes.map(n => [n.id, n.cluster]));
    for (const e of t.edges) {
      expect(clusterOf.get(e.from)).toBe(clusterOf.get(e.to));
    }
  });

  it('draws nothing for an entity without objects', () => {
    const t = topologyOf([selection('js2-demo', jupyterhub(), 'nobody')]);
    expect(t).toMatchObject({ nodes: [], edges: [], insights: [] });
  });
});
