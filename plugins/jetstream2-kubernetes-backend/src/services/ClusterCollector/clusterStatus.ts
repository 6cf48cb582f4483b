import type {
  ClusterError,
  ClusterStatus,
  ControlPlaneCheck,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { InformerSync } from './informerSync';

/** What a cluster's status is judged from. */
export interface StatusFacts {
  /** Set when the cluster's configuration cannot be collected at all. */
  unsupported?: ClusterError;
  /** The last health poll's failure. */
  healthError?: ClusterError;
  /** One per watched resource type. */
  informers: readonly Pick<InformerSync, 'synced' | 'error'>[];
  /** The API server's version; undefined until it answered. */
  version?: string;
  ready?: boolean;
  checks: readonly ControlPlaneCheck[];
}

function notReady(checks: readonly ControlPlaneCheck[]): ClusterError {
  const failing = checks
    .filter(c => !c.ok && c.endpoint === 'readyz')
    .map(c => c.name);
  return {
    reason: 'unknown',
    message: `The API server is not ready: failing checks ${
      failing.join(', ') || '(none listed)'
    }.`,
  };
}

/**
 * error: the cluster cannot be collected, does not answer, or no type could be read; pending: a type is
 * still listing or the version is unknown; degraded: some types are refused or the API server is not ready.
 */
export function clusterStatus(facts: StatusFacts): {
  status: ClusterStatus;
  error?: ClusterError;
} {
  const { informers } = facts;
  const errors = informers.filter(s => s.error).map(s => s.error!);
  if (facts.unsupported) return { status: 'error', error: facts.unsupported };
  if (facts.healthError) return { status: 'error', error: facts.healthError };
  if (errors.length === informers.length)
    return { status: 'error', error: errors[0] };
  const waiting = informers.some(s => !s.synced && !s.error);
  if (waiting || facts.version === undefined) return { status: 'pending' };
  if (!informers.some(s => s.synced))
    return { status: 'error', error: errors[0] };
  if (errors.length > 0) return { status: 'degraded', error: errors[0] };
  if (facts.ready === false)
    return { status: 'degraded', error: notReady(facts.checks) };
  return { status: 'ok' };
}
