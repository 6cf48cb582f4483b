import type { KubeObject } from '../insights/kube';
import { resolveSuRates } from '../jetstream2/flavors';
import { planScaleDown } from './scaleDown';

function node(
  name: string,
  flavor: string,
  allocatable: Record<string, string>,
  extra: { controlPlane?: boolean; ready?: boolean } = {},
): KubeObject {
  return {
    metadata: {
      name,
      labels: {
        'node.kubernetes.io/instance-type': flavor,
        ...(extra.controlPlane
          ? { 'node-role.kubernetes.io/control-plane': '' }
          : {}),
      },
    },
    status: {
      allocatable,
      conditions: [
        { type: 'Ready', status: extra.ready === false ? 'False' : 'True' },
      ],
    },
  };
}

let podCount = 0;
function pod(
  nodeName: string,
  requests: Record<string, string>,
  owner = 'ReplicaSet',
): KubeObject {
  podCount += 1;
  return {
    metadata: {
      name: `p${podCount}`,
      namespace: 'x',
      ownerReferences: [{ kind: owner, name: 'o', controller: true }],
    },
    spec: { nodeName, containers: [{ name: 'c', resources: { requests } }] },
    status: { phase: 'Running' },
  };
}

const medium = { cpu: '8', memory: '30Gi' };
const large = { cpu: '16', memory: '60Gi' };

describe('planScaleDown', () => {
  it('removes the emptiest workers whose pods fit on the others, and keeps the control plane', () => {
    const nodes = [
      node('cp', 'm3.medium', medium, { controlPlane: true }),
      node('w0', 'm3.medium', medium),
      node('w1', 'm3.large', large),
      node('w2', 'm3.large', large),
    ];
    const pods = [
      pod('w0', { cpu: '1', memory: '2Gi' }),
      pod('w1', { cpu: '2', memory: '4Gi' }),
      pod('w2', { cpu: '10', memory: '20Gi' }),
      // a DaemonSet pod goes with its node and is not moved
      pod('w0', { cpu: '500m' }, 'DaemonSet'),
    ];
    const plan = planScaleDown(nodes, pods);
    // w1 is the emptiest (2 of 16 CPUs): its pod moves to w0 (1.5 of 8); then w0's two pods move to w2,
    // which keeps 3 CPUs free; w2 is the last node that takes pods. The control plane takes none.
    expect(plan.nodes).toEqual([
      { name: 'w1', flavor: 'm3.large', suPerHour: 16, podsMoved: 1 },
      { name: 'w0', flavor: 'm3.medium', suPerHour: 8, podsMoved: 2 },
    ]);
    expect(plan.savingsSuPerHour).toBe(24);
  });

  it('moves no pod onto a node that refuses new pods', () => {
    const tainted = node('t', 'm3.large', large);
    tainted.spec = { taints: [{ key: 'dedicated', effect: 'NoSchedule' }] };
    const nodes = [tainted, node('w', 'm3.medium', medium)];
    expect(planScaleDown(nodes, [pod('w', { cpu: '1' })]).nodes).toEqual([]);
  });

  it('keeps a node whose pods do not fit elsewhere (a GPU pod with no other GPU)', () => {
    const nodes = [
      node('gpu', 'g3.medium', { ...medium, 'nvidia.com/gpu': '1' }),
      node('w', 'm3.large', large),
    ];
    const pods = [
      pod('gpu', { cpu: '1', 'nvidia.com/gpu': '1' }),
      pod('w', { cpu: '15' }),
    ];
    const plan = planScaleDown(nodes, pods, resolveSuRates({ g3: 2 }));
    expect(plan.nodes).toEqual([]);
    expect(plan.savingsSuPerHour).toBe(0);
  });

  it('charges the rates given and skips nodes that are not ready', () => {
    const nodes = [
      node('gpu', 'g3.medium', { ...medium, 'nvidia.com/gpu': '1' }),
      node('down', 'm3.large', large, { ready: false }),
      node('w', 'm3.large', large),
    ];
    const plan = planScaleDown(nodes, [], resolveSuRates({ g3: 2 }));
    // the idle GPU node (16 SU/h at 2 per vCPU-hour) goes; the last node always stays
    expect(plan.nodes.map(n => [n.name, n.suPerHour])).toEqual([['gpu', 16]]);
  });
});
