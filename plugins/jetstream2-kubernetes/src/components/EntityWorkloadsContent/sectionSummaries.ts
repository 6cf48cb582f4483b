import type {
  ClusterWorkloads,
  ConceptPresence,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { conceptName } from '../common/catalogue';
import { podsOf } from '../common/pods';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Pod, Deployment, Service: what each kind of object is, with its live count". */
export function conceptsSummary(concepts: ConceptPresence[]): string {
  const names = [...new Set(concepts.map(c => conceptName(c.conceptId)))];
  return `${names.join(
    ', ',
  )}: what each kind of object is, with its live count`;
}

/** "js2-demo: 5 pods on 3 nodes; js2-b: no pods" */
export function whereItRunsSummary(clusters: ClusterWorkloads[]): string {
  return clusters
    .map(c => {
      const pods = podsOf(c);
      const nodes = new Set(
        pods.map(p => p.spec?.nodeName).filter((n): n is string => !!n),
      );
      if (pods.length === 0) return `${c.cluster}: no pods`;
      if (nodes.size === 0)
        return `${c.cluster}: ${plural(
          pods.length,
          'pod',
        )}, none on a node yet`;
      return `${c.cluster}: ${plural(pods.length, 'pod')} on ${plural(
        nodes.size,
        'node',
      )}; its nodes, flavors and control plane`;
    })
    .join(' · ');
}
