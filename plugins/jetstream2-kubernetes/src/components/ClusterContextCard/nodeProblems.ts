import type { NodeSummary } from '@internal/plugin-jetstream2-kubernetes-common';
import { nodeSummaryStatus } from '../common/nodes';

/** A node component that needs a look: which node, why, and the guide that helps. */
export interface NodeProblem {
  node: string;
  reason: string;
  guideId: string;
}

/** Kubelets renew their Lease every 10 s; the node controller gives up after 40–50 s. */
export const HEARTBEAT_STALE_SECONDS = 120;
/** The kubelet (and kube-proxy) may be up to 3 minor versions older than the API server, never newer. */
export const MAX_MINOR_SKEW = 3;

const UPGRADE_GUIDE = 'k8s-magnum';
const NODE_GUIDE = 'k8s-overview';

/** "v1.34.2" → { major: 1, minor: 34 }; undefined when it is not a version. */
export function parseMinor(
  version: string | undefined,
): { major: number; minor: number } | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(version?.trim() ?? '');
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

/** Why a component's version is outside the supported skew to the API server, if it is. */
export function skewProblem(
  component: string,
  version: string | undefined,
  apiServer: string | undefined,
): string | undefined {
  const v = parseMinor(version);
  const api = parseMinor(apiServer);
  if (!v || !api || v.major !== api.major) return undefined;
  if (v.minor > api.minor) {
    return `${component} ${version} is newer than the API server ${apiServer}`;
  }
  if (api.minor - v.minor > MAX_MINOR_SKEW) {
    return `${component} ${version} is ${
      api.minor - v.minor
    } minor versions behind the API server ${apiServer} (at most ${MAX_MINOR_SKEW} are supported)`;
  }
  return undefined;
}

/** NotReady and stale heartbeats: the problems every node component shares. */
export function nodeHealthProblems(
  node: NodeSummary,
  now: number,
): NodeProblem[] {
  const problems: NodeProblem[] = [];
  const status = nodeSummaryStatus(node);
  if (status.text === 'NotReady') {
    const ready = (node.conditions ?? []).find(c => c.type === 'Ready');
    problems.push({
      node: node.name,
      reason: `NotReady${ready?.reason ? ` (${ready.reason})` : ''}`,
      guideId: NODE_GUIDE,
    });
  }
  const beat = node.heartbeatAt ? Date.parse(node.heartbeatAt) : NaN;
  if (!Number.isNaN(beat)) {
    const age = Math.round((now - beat) / 1000);
    if (age > HEARTBEAT_STALE_SECONDS) {
      problems.push({
        node: node.name,
        reason: `last kubelet heartbeat ${age} s ago`,
        guideId: NODE_GUIDE,
      });
    }
  }
  return problems;
}

/** Version skew of one component on one node, as a problem. */
export function skewProblems(
  nodes: NodeSummary[],
  component: string,
  pick: (n: NodeSummary) => string | undefined,
  apiServer: string | undefined,
): NodeProblem[] {
  return nodes.flatMap(n => {
    const reason = skewProblem(component, pick(n), apiServer);
    return reason ? [{ node: n.name, reason, guideId: UPGRADE_GUIDE }] : [];
  });
}
