import {
  computeConceptPresence,
  mergeConceptPresence,
  pluralKind,
} from './presence';
import { deployment, ingress, node, pod, pvc } from './__fixtures__/objects';

describe('computeConceptPresence', () => {
  it('counts pods by phase and describes them', () => {
    const [pods] = computeConceptPresence({
      pods: [pod('a'), pod('b'), pod('c', { phase: 'Pending' })],
    });
    expect(pods).toEqual({
      conceptId: 'pod',
      kind: 'Pod',
      count: 3,
      states: { Running: 2, Pending: 1 },
      summary: '3 Pods: 2 Running, 1 Pending',
    });
  });

  it('covers workloads, storage, networking and nodes and skips empty kinds', () => {
    const presence = computeConceptPresence({
      pods: [pod('a', { crashLoop: true })],
      deployments: [deployment('d', { replicas: 3, ready: 1 })],
      persistentVolumeClaims: [pvc('x', { phase: 'Pending' })],
      ingresses: [ingress('i')],
      nodes: [node('n', { unschedulable: true })],
      services: [],
    });
    expect(presence.map(p => p.summary)).toEqual([
      '1 Pod: 1 CrashLoopBackOff',
      '1 Deployment: 1 Not ready',
      '1 Ingress: 1 No address',
      '1 PersistentVolumeClaim: 1 Pending',
      '1 Node: 1 Cordoned',
    ]);
    expect(presence.map(p => p.conceptId)).toEqual([
      'pod',
      'deployment',
      'ingress',
      'persistent-volume-claim',
      'node',
    ]);
  });

  it('merges presences across clusters', () => {
    const merged = mergeConceptPresence([
      computeConceptPresence({ pods: [pod('a')] }),
      computeConceptPresence({
        pods: [pod('b', { phase: 'Pending' })],
        ingresses: [ingress('i')],
      }),
    ]);
    expect(merged.map(p => p.summary)).toEqual([
      '2 Pods: 1 Pending, 1 Running',
      '1 Ingress: 1 No address',
    ]);
  });

  it('pluralises kinds', () => {
    expect(pluralKind('Ingress', 2)).toBe('Ingresses');
    expect(pluralKind('Pod', 1)).toBe('Pod');
  });
});
