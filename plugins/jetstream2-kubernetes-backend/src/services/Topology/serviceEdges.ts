import {
  jetstream2DefaultQuotas,
  matchesLabelSelector,
  objectStatus,
  type KubeObject,
  type LabelRequirement,
  type TopologyNode,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { labelsText } from './objectFacts';
import type { ClusterTopologyInput } from './types';

function requirementsOf(selector: Record<string, string>): LabelRequirement[] {
  return Object.entries(selector).map(([key, value]) => ({
    key,
    op: 'in',
    values: [value],
  }));
}

/** The newest warning the cluster recorded about the object, if any. */
function newestWarning(
  input: ClusterTopologyInput,
  obj: KubeObject,
): string | undefined {
  const warnings = input.index
    .eventsAbout('Service', obj.metadata?.namespace, obj.metadata?.name ?? '')
    .filter((e: any) => e.type === 'Warning')
    .map((e: any) => ({
      at: String(e.lastTimestamp ?? e.eventTime ?? ''),
      message: String(e.message ?? e.note ?? ''),
    }))
    .sort((a, b) => b.at.localeCompare(a.at));
  return warnings[0]?.message || undefined;
}

/** Why a LoadBalancer Service has no address yet, with Jetstream2's causes. */
export function noAddressReason(clusterSaid: string | undefined): string {
  const { cpu, gpu } = jetstream2DefaultQuotas;
  const said = clusterSaid ? `The cluster says: "${clusterSaid}". ` : '';
  return `${said}No external address yet. On Jetstream2 a LoadBalancer's address comes from an Octavia load balancer, which the cluster's cloud controller creates only when the cluster's application credential has the load-balancer role; each one also takes a floating IP (${cpu.floatingIps} per allocation by default, ${gpu.floatingIps} on GPU allocations), so a used-up quota keeps it waiting too.`;
}

/** A LoadBalancer Service → its external addresses, or one "none yet" node that says why. */
function addAddresses(
  input: ClusterTopologyInput,
  svc: KubeObject,
  node: TopologyNode,
) {
  const { cluster, graph } = input;
  const namespace = svc.metadata?.namespace ?? '';
  const ingress: any[] = svc.status?.loadBalancer?.ingress ?? [];
  const addresses = ingress
    .map(i => i.ip ?? i.hostname)
    .filter((a): a is string => Boolean(a));
  if (addresses.length === 0) {
    const none = graph.synthetic(
      cluster,
      'ExternalAddress',
      namespace,
      `${node.name}: none yet`,
      {
        verdict: objectStatus('Service', svc).verdict,
        status: 'No address yet',
        note: noAddressReason(newestWarning(input, svc)),
      },
    );
    graph.edge(node, none, 'exposes');
    return;
  }
  for (const address of addresses) {
    const ports = (svc.spec?.ports ?? []).map((p: any) => p.port).join(', ');
    const target = graph.synthetic(
      cluster,
      'ExternalAddress',
      namespace,
      address,
      {
        verdict: 'ok',
        status: 'Assigned',
        facts: [
          { label: 'Service', value: node.name },
          ...(ports ? [{ label: 'Ports', value: ports }] : []),
        ],
      },
    );
    graph.edge(node, target, 'exposes');
  }
}

/**
 * `selects` edges from each Service to the entity's pods its selector matches, and `exposes` edges from a
 * LoadBalancer Service to its address. A Service that selects none of them says why: no selector, no pod
 * with its labels at all, or only pods that belong to something else.
 */
export function addServiceEdges(input: ClusterTopologyInput) {
  const { cluster, objects, index, graph } = input;
  const pods = objects.pods ?? [];
  for (const svc of objects.services ?? []) {
    const node = graph.object(cluster, 'Service', svc);
    const namespace = svc.metadata?.namespace ?? '';
    const type = svc.spec?.type ?? 'ClusterIP';
    if (type === 'LoadBalancer') addAddresses(input, svc, node);
    if (type === 'ExternalName') continue;
    const selector: Record<string, string> = svc.spec?.selector ?? {};
    if (Object.keys(selector).length === 0) {
      graph.note(
        node,
        'It has no selector: its endpoints are set by hand, so no pods are drawn behind it.',
      );
      continue;
    }
    const requirements = requirementsOf(selector);
    let selected = 0;
    for (const pod of pods) {
      if (
        (pod.metadata?.namespace ?? '') === namespace &&
        matchesLabelSelector(requirements, pod.metadata?.labels)
      ) {
        graph.edge(node, graph.object(cluster, 'Pod', pod), 'selects');
        selected += 1;
      }
    }
    if (selected > 0) continue;
    const elsewhere = index.select('pods', requirements, namespace).length;
    graph.note(
      node,
      elsewhere === 0
        ? `It selects no pods: no pod in namespace "${namespace}" has the labels ${labelsText(
            selector,
          )}, so connections to it fail.`
        : `It selects ${elsewhere} pod${
            elsewhere === 1 ? '' : 's'
          } that are not labelled for this catalog entity, so they are not drawn.`,
    );
  }
}
