import type {
  Jetstream2AllocationKind,
  Jetstream2Flavor,
  MagnumClusterTemplate,
  PlanCost,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type {
  ClusterAddon,
  ClusterMethod,
  ClusterRequestInput,
} from '../request';

/** What the checks establish about a request; the plan is built from these once every check passed. */
export interface PlanFacts {
  clusterName: string;
  allocation: string;
  allocationKind: Jetstream2AllocationKind;
  method: ClusterMethod;
  region: string;
  template: MagnumClusterTemplate;
  masterCount: number;
  master: Jetstream2Flavor;
  worker: Jetstream2Flavor;
  gpu: boolean;
  nodeCount: number;
  autoscaling: boolean;
  minNodes: number;
  maxNodes: number;
  dockerVolumeSize: number;
  applicationCredential: string;
  keypair: string | undefined;
  addons: ClusterAddon[];
  quotaCores: number;
  coresAtMax: number;
  cost: PlanCost;
}

/** What a check sees: the parsed request, the facts earlier checks established, and whether any failed. */
export interface CheckContext {
  input: ClusterRequestInput;
  facts: Partial<PlanFacts>;
  hasProblems: boolean;
}

/** The typed result of one check. */
export interface CheckResult {
  /** Facts this check establishes (also when it reports a problem, so later checks can still explain more). */
  facts?: Partial<PlanFacts>;
  /** Things that must change before the cluster can be created, each saying how. */
  problems?: string[];
  /** Things worth knowing that do not stop the plan. */
  warnings?: string[];
  /** Warnings that belong at the top of the list (e.g. what cannot be undone). */
  leadingWarnings?: string[];
}

/** One section of the request, checked on its own. */
export interface PlanCheck {
  /** The section it checks, e.g. "name" or "quota". */
  id: string;
  run(ctx: CheckContext): CheckResult;
}

export function isWholeNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

/** Largest worker count Jetstream2 plans without the Jetstream2 team. */
export const MAX_WORKERS = 100;
/** kubeadm refuses control plane nodes with fewer CPUs. */
export const MIN_MASTER_VCPUS = 2;
