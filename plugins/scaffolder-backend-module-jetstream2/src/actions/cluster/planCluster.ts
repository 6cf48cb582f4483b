import { InputError } from '@backstage/errors';
import { z } from './zod';
import {
  clusterRequestLabels,
  describeGpuFraction,
  formatSu,
  HOURS_PER_MONTH,
  Jetstream2AllocationKind,
  Jetstream2Flavor,
  PlanCost,
  PlanCostAtSize,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { ClusterAddon, ClusterMethod, clusterRequestSchema } from './request';
import { PlanFacts, planChecks } from './checks';

export { looksLikeSecret, suggestClusterName } from './checks';

/** Resources and cost of the cluster at one size. */
export interface ClusterSize {
  /** All nodes, control plane included. */
  nodes: number;
  workers: number;
  vcpus: number;
  memoryGb: number;
  /** A100 equivalents, e.g. 0.75 for three g3.medium workers. */
  gpus: number;
  gpuMemoryGb: number;
  suPerHour: number;
  suPerDay: number;
  /** SU per month of HOURS_PER_MONTH (730) hours, the month Jetstream2 allocations are reckoned in. */
  suPerMonth: number;
}

/** A validated cluster request with everything computed from it. */
export interface ClusterPlan {
  clusterName: string;
  allocation: string;
  allocationKind: Jetstream2AllocationKind;
  method: ClusterMethod;
  region: string;
  clusterTemplate: string;
  kubernetesVersion: string;
  masterCount: number;
  masterFlavor: string;
  workerFlavor: string;
  nodeCount: number;
  autoscaling: boolean;
  minNodes: number;
  maxNodes: number;
  dockerVolumeSize: number;
  applicationCredential: string;
  keypair?: string;
  addons: ClusterAddon[];
  gpu: boolean;
  quotaCores: number;
  /** Cores the cluster holds at its largest size, which is what the quota must cover. */
  coresAtMax: number;
  minSize: ClusterSize;
  maxSize: ClusterSize;
  /** SU per hour and per month at the starting size, and at the autoscaling minimum and maximum. */
  cost: PlanCost;
  /** Environment variable that will hold the portal's service account token for this cluster. */
  tokenEnvVar: string;
  summary: string;
  warnings: string[];
}

/** A request field as a person knows it: its label in the templates, else its name. */
function fieldName(path: (string | number)[]): string {
  const key = String(path[0] ?? '');
  if (!key) return 'The request';
  const known = (clusterRequestLabels as Record<string, string>)[key];
  return known ? `"${known}"` : `"${path.join('.')}"`;
}

/** The environment variable name for a cluster's token: `my-gpu-cluster` → `MY_GPU_CLUSTER_TOKEN`. */
export function tokenEnvVarFor(clusterName: string): string {
  return `${clusterName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_TOKEN`;
}

const factKeys: readonly (keyof PlanFacts)[] = [
  'clusterName',
  'allocation',
  'allocationKind',
  'method',
  'region',
  'template',
  'masterCount',
  'master',
  'worker',
  'gpu',
  'nodeCount',
  'autoscaling',
  'minNodes',
  'maxNodes',
  'dockerVolumeSize',
  'applicationCredential',
  'addons',
  'quotaCores',
  'coresAtMax',
  'cost',
];

/** True when every check established its facts (keypair is the one optional fact). */
function isComplete(facts: Partial<PlanFacts>): facts is PlanFacts {
  return factKeys.every(k => facts[k] !== undefined);
}

function sizeOf(
  f: PlanFacts,
  workers: number,
  cost: PlanCostAtSize,
): ClusterSize {
  const { master, worker, masterCount } = f;
  return {
    nodes: masterCount + workers,
    workers,
    vcpus: master.vcpus * masterCount + worker.vcpus * workers,
    memoryGb: master.ramGb * masterCount + worker.ramGb * workers,
    gpus: master.gpuFraction * masterCount + worker.gpuFraction * workers,
    gpuMemoryGb:
      master.gpuMemoryGb * masterCount + worker.gpuMemoryGb * workers,
    suPerHour: cost.suPerHour,
    suPerDay: cost.suPerHour * 24,
    suPerMonth: cost.suPerMonth,
  };
}

/**
 * Checks a cluster request against the Jetstream2 facts and computes its size and cost. Each section is
 * one check in `./checks`; this only runs them in order. Throws an InputError listing every problem
 * found, each with what to do about it.
 */
export function planCluster(rawInput: unknown): ClusterPlan {
  const parsed = clusterRequestSchema(z).safeParse(rawInput ?? {});
  if (!parsed.success) {
    const details = parsed.error.issues
      .map(i => `${fieldName(i.path)}: ${i.message}`)
      .join('; ');
    throw new InputError(
      `The cluster request is incomplete or has values of the wrong type: ${details}`,
    );
  }
  const input = parsed.data;
  const problems: string[] = [];
  const leading: string[] = [];
  const warnings: string[] = [];
  const facts: Partial<PlanFacts> = {};
  for (const check of planChecks) {
    const result = check.run({
      input,
      facts,
      hasProblems: problems.length > 0,
    });
    Object.assign(facts, result.facts);
    problems.push(...(result.problems ?? []));
    warnings.push(...(result.warnings ?? []));
    leading.push(...(result.leadingWarnings ?? []));
  }

  if (problems.length > 0) {
    const list = problems.map((p, i) => `${i + 1}. ${p}`).join('\n');
    throw new InputError(
      `The cluster request has ${problems.length} problem${
        problems.length === 1 ? '' : 's'
      }:\n${list}`,
    );
  }
  if (!isComplete(facts)) {
    const missing = factKeys.filter(k => facts[k] === undefined);
    throw new Error(
      `planCluster: the checks passed but established no ${missing.join(
        ', ',
      )}; a check is missing from the registry`,
    );
  }

  const f = facts;
  const plan: Omit<ClusterPlan, 'summary'> = {
    clusterName: f.clusterName,
    allocation: f.allocation,
    allocationKind: f.allocationKind,
    method: f.method,
    region: f.region,
    clusterTemplate: f.template.name,
    kubernetesVersion: f.template.kubernetesVersion,
    masterCount: f.masterCount,
    masterFlavor: f.master.name,
    workerFlavor: f.worker.name,
    nodeCount: f.nodeCount,
    autoscaling: f.autoscaling,
    minNodes: f.minNodes,
    maxNodes: f.maxNodes,
    dockerVolumeSize: f.dockerVolumeSize,
    applicationCredential: f.applicationCredential,
    keypair: f.keypair,
    addons: f.addons,
    gpu: f.gpu,
    quotaCores: f.quotaCores,
    coresAtMax: f.coresAtMax,
    minSize: sizeOf(f, f.minNodes, f.cost.min ?? f.cost),
    maxSize: sizeOf(f, f.maxNodes, f.cost.max ?? f.cost),
    cost: f.cost,
    tokenEnvVar: tokenEnvVarFor(f.clusterName),
    warnings: [...leading, ...warnings],
  };
  return { ...plan, summary: summarize(plan, f.master, f.worker) };
}

function formatGpus(size: ClusterSize): string {
  return size.gpus > 0
    ? `${+size.gpus.toFixed(2)} A100 (${size.gpuMemoryGb} GB)`
    : '–';
}

const perMonth = (c: PlanCostAtSize) =>
  `${formatSu(c.suPerMonth)} SU per month (${HOURS_PER_MONTH} h)`;

function summarize(
  p: Omit<ClusterPlan, 'summary'>,
  master: Jetstream2Flavor,
  worker: Jetstream2Flavor,
): string {
  const sizes = p.autoscaling
    ? ([
        ['at minimum size', p.minSize],
        ['at maximum size', p.maxSize],
      ] as const)
    : ([['total', p.maxSize]] as const);
  const rows = sizes.map(
    ([label, s]) =>
      `| ${label} | ${s.nodes} (${p.masterCount} + ${s.workers}) | ${
        s.vcpus
      } | ${s.memoryGb} GB | ${formatGpus(s)} | **${
        s.suPerHour
      } SU/h** | ${formatSu(s.suPerMonth)} SU |`,
  );
  const scaling = p.autoscaling
    ? `${p.nodeCount} at start, autoscaling between ${p.minNodes} and ${p.maxNodes}`
    : `${p.nodeCount}, fixed`;
  return [
    `### Cluster ${p.clusterName} on Jetstream2 (${p.region}), allocation ${p.allocation}`,
    '',
    `- Method: **${p.method}**${
      p.method === 'magnum'
        ? `, template \`${p.clusterTemplate}\` (Kubernetes ${p.kubernetesVersion})`
        : ''
    }`,
    `- Control plane: ${p.masterCount} × ${master.name} (${master.vcpus} vCPU, ${master.ramGb} GB)`,
    `- Workers: ${worker.name} (${worker.vcpus} vCPU, ${worker.ramGb} GB${
      worker.gpuFraction > 0
        ? `, ${describeGpuFraction(worker.gpuFraction)}`
        : ''
    }) × ${scaling}`,
    `- Quota: ${p.coresAtMax} of ${p.quotaCores} cores at the largest size`,
    `- Cost: **${p.cost.suPerHour} SU/h** at the start, ${perMonth(p.cost)}${
      p.autoscaling && p.cost.min && p.cost.max
        ? `; ${perMonth(p.cost.min)} at the minimum, ${perMonth(
            p.cost.max,
          )} at the maximum`
        : ''
    }`,
    '',
    `| size | nodes | vCPU | memory | GPU | cost | per month (${HOURS_PER_MONTH} h) |`,
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
