import type { KubeObject } from '@internal/plugin-jetstream2-kubernetes-common';
import {
  cronJob,
  deployment,
  ID_LABEL,
  job,
  pod,
  replicaSet,
} from './__fixtures__/kubeObjects';
import { clusterInput, edgesOf, nodeNamed } from './__fixtures__/topologyInput';
import { addClusterTopology } from './computeTopology';

const hubLabels = {
  [ID_LABEL]: 'jupyterhub',
  'app.kubernetes.io/name': 'jupyterhub',
  'app.kubernetes.io/component': 'hub',
};

/** A StatefulSet or DaemonSet shaped like a Deployment (what the owner edges read is the same). */
const controller = (kind: string, name: string): KubeObject => ({
  ...deployment(name, 'jhub', hubLabels),
  kind,
});

describe('owner edges', () => {
  it('draws Deployment → ReplicaSet → Pod from the ownerReferences', () => {
    const hub = deployment('hub', 'jhub', hubLabels);
    const rs = replicaSet(hub, '7cc6d868bd');
    const input = clusterInput([
      hub,
      rs,
      pod('hub-7cc6d868bd-b426s', { owner: rs }),
    ]);
    addClusterTopology(input);
    expect(edgesOf(input)).toEqual([
      'Deployment/hub -owns-> ReplicaSet/hub-7cc6d868bd',
      'ReplicaSet/hub-7cc6d868bd -owns-> Pod/hub-7cc6d868bd-b426s',
    ]);
    expect(nodeNamed(input, 'Deployment', 'hub')).toMatchObject({
      id: 'js2-demo/Deployment/jhub/hub',
      cluster: 'js2-demo',
      namespace: 'jhub',
      verdict: 'ok',
      status: '1/1 ready',
    });
  });

  it('draws CronJob → Job → Pod, StatefulSet → Pod and DaemonSet → Pod', () => {
    const cleaner = cronJob('image-cleaner', 'jhub', hubLabels);
    const run = job('image-cleaner-29420170', cleaner);
    const sts = controller('StatefulSet', 'cache');
    const ds = controller('DaemonSet', 'log-agent');
    const input = clusterInput([
      cleaner,
      run,
      pod('image-cleaner-29420170-x7k2p', { owner: run }),
      sts,
      pod('cache-0', { owner: sts }),
      ds,
      pod('log-agent-9zq4d', { owner: ds }),
    ]);
    addClusterTopology(input);
    expect(edgesOf(input)).toEqual([
      'CronJob/image-cleaner -owns-> Job/image-cleaner-29420170',
      'DaemonSet/log-agent -owns-> Pod/log-agent-9zq4d',
      'Job/image-cleaner-29420170 -owns-> Pod/image-cleaner-29420170-x7k2p',
      'StatefulSet/cache -owns-> Pod/cache-0',
    ]);
    expect(nodeNamed(input, 'CronJob', 'image-cleaner')?.facts).toContainEqual({
      label: 'Schedule',
      value: '*/10 * * * *',
    });
  });

  it('finds an owner in the cluster that carries other labels than its pods', () => {
    const cleaner = cronJob('image-cleaner', 'jhub', { app: 'cleaner' });
    const run = job('image-cleaner-1', cleaner);
    const input = clusterInput([
      cleaner,
      run,
      pod('image-cleaner-1-abcde', { owner: run, labels: hubLabels }),
    ]);
    addClusterTopology(input);
    expect(edgesOf(input)).toEqual([
      'CronJob/image-cleaner -owns-> Job/image-cleaner-1',
      'Job/image-cleaner-1 -owns-> Pod/image-cleaner-1-abcde',
    ]);
  });

  it('draws an owner that is gone as missing, with what that means for the pod', () => {
    const hub = deployment('hub', 'jhub', hubLabels);
    const rs = replicaSet(hub, '7cc6d868bd');
    // the ReplicaSet was deleted; its pod still names it
    const input = clusterInput([
      hub,
      pod('hub-7cc6d868bd-b426s', { owner: rs }),
    ]);
    addClusterTopology(input);
    expect(edgesOf(input)).toEqual([
      'ReplicaSet/hub-7cc6d868bd -owns-> Pod/hub-7cc6d868bd-b426s',
    ]);
    const gone = nodeNamed(input, 'ReplicaSet', 'hub-7cc6d868bd');
    expect(gone).toMatchObject({ missing: true, verdict: 'warning' });
    expect(gone?.note).toContain(
      'The ReplicaSet "hub-7cc6d868bd" that made this Pod is not in the cluster',
    );
  });

  it('leaves older ReplicaSets scaled to zero out, counted on their Deployment', () => {
    const api = deployment('api', 'science', { [ID_LABEL]: 'science-api' });
    const current = replicaSet(api, '555f698fc9');
    const old1 = replicaSet(api, '6d4b8c7f5', { replicas: 0 });
    const old2 = replicaSet(api, '7f9d8b6c4', { replicas: 0 });
    const input = clusterInput(
      [
        api,
        current,
        old1,
        old2,
        pod('api-555f698fc9-dhxvd', { owner: current }),
      ],
      'science-api',
    );
    addClusterTopology(input);
    expect(edgesOf(input)).toEqual([
      'Deployment/api -owns-> ReplicaSet/api-555f698fc9',
      'ReplicaSet/api-555f698fc9 -owns-> Pod/api-555f698fc9-dhxvd',
    ]);
    expect(nodeNamed(input, 'Deployment', 'api')?.facts).toContainEqual({
      label: 'Older revisions',
      value: '2 ReplicaSets scaled to zero (not drawn)',
    });
  });

  it('keeps a ReplicaSet scaled to zero while it still has a pod (a rollout in progress)', () => {
    const api = deployment('api', 'science', { [ID_LABEL]: 'science-api' });
    const old = replicaSet(api, '6d4b8c7f5', { replicas: 0 });
    const input = clusterInput(
      [api, old, pod('api-6d4b8c7f5-q1', { owner: old, nodeName: 'w' })],
      'science-api',
    );
    addClusterTopology(input);
    expect(edgesOf(input)).toContain(
      'Deployment/api -owns-> ReplicaSet/api-6d4b8c7f5',
    );
  });
});
