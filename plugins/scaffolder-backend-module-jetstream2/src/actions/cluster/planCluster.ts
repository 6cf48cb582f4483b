import { InputError } from '@backstage/errors';
import { z } from './zod';
import {
  describeGpuFraction,
  getFlavor,
  getMagnumClusterTemplate,
  isAllocationId,
  jetstream2DefaultQuotas,
  Jetstream2AllocationKind,
  Jetstream2Flavor,
  jetstream2Regions,
  magnumClusterTemplates,
  magnumFacts,
  orderableFlavors,
  suPerHour,
} from '@internal/plugin-jetstream2-kubernetes-common';
import {
  ClusterAddon,
  clusterAddons,
  ClusterMethod,
  clusterMethods,
  clusterRequestSchema,
  MAX_CLUSTER_NAME_LENGTH,
} from './request';

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
  suPer30Days: number;
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
  /** Environment variable that will hold the portal's service account token for this cluster. */
  tokenEnvVar: string;
  summary: string;
  warnings: string[];
}

const KEYPAIR_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;
const CREDENTIAL_ID_PATTERN = /^[0-9a-f]{32}$/;
const CREDENTIAL_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MAX_WORKERS = 100;
const MIN_DOCKER_VOLUME_GB = 10;
const MAX_DOCKER_VOLUME_GB = 500;
/** Warn when the cluster at its largest takes more than this share of the quota. */
const QUOTA_WARN_SHARE = 0.8;
/** kubeadm refuses control plane nodes with fewer CPUs. */
const MIN_MASTER_VCPUS = 2;

/** A lowercase RFC 1123 label close to what was typed, for "did you mean" hints. */
export function suggestClusterName(raw: string): string {
  const s = raw
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, MAX_CLUSTER_NAME_LENGTH)
    .replace(/-+$/, '');
  return s || 'my-cluster';
}

/** The environment variable name for a cluster's token: `my-gpu-cluster` → `MY_GPU_CLUSTER_TOKEN`. */
export function tokenEnvVarFor(clusterName: string): string {
  return `${clusterName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_TOKEN`;
}

/**
 * True when a credential "reference" looks like a pasted secret rather than a name or an id. Keystone
 * generates application credential secrets as 86 URL-safe characters; ids are 32 hex digits; names are
 * what a person typed. Never echo the value back: it may be the secret.
 */
export function looksLikeSecret(value: string): boolean {
  if (CREDENTIAL_ID_PATTERN.test(value)) return false;
  if (value.length > 64) return true;
  if (/\s|[=:/+]/.test(value)) return true;
  const mixed = /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value);
  return value.length >= 24 && mixed && !/[-_.]/.test(value.slice(1, -1));
}

function flavorNames(list: Jetstream2Flavor[]): string {
  return list.map(f => f.name).join(', ');
}

function sizeOf(
  masterCount: number,
  master: Jetstream2Flavor,
  workers: number,
  worker: Jetstream2Flavor,
): ClusterSize {
  const perHour = suPerHour(master, masterCount) + suPerHour(worker, workers);
  return {
    nodes: masterCount + workers,
    workers,
    vcpus: master.vcpus * masterCount + worker.vcpus * workers,
    memoryGb: master.ramGb * masterCount + worker.ramGb * workers,
    gpus: master.gpuFraction * masterCount + worker.gpuFraction * workers,
    gpuMemoryGb:
      master.gpuMemoryGb * masterCount + worker.gpuMemoryGb * workers,
    suPerHour: perHour,
    suPerDay: perHour * 24,
    suPer30Days: perHour * 24 * 30,
  };
}

function isWholeNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

/**
 * Checks a cluster request against the Jetstream2 facts and computes its size and cost. Throws an
 * InputError listing every problem found, each with what to do about it.
 */
export function planCluster(rawInput: unknown): ClusterPlan {
  const parsed = clusterRequestSchema(z).safeParse(rawInput ?? {});
  if (!parsed.success) {
    const details = parsed.error.issues
      .map(i => `${i.path.join('.') || 'input'}: ${i.message}`)
      .join('; ');
    throw new InputError(
      `The cluster request is incomplete or has values of the wrong type: ${details}`,
    );
  }
  const input = parsed.data;
  const problems: string[] = [];
  const warnings: string[] = [];

  // Name: a DNS-safe label, short enough for the node names Magnum derives from it.
  const name = input.clusterName;
  if (name.length === 0) {
    problems.push(
      'clusterName is empty: choose a short name such as "gpu-lab".',
    );
  } else {
    if (name.length > MAX_CLUSTER_NAME_LENGTH) {
      problems.push(
        `clusterName "${name}" has ${
          name.length
        } characters; the limit is ${MAX_CLUSTER_NAME_LENGTH} because Magnum adds node-group and random suffixes to it and node names must stay within 63 characters. Try "${suggestClusterName(
          name,
        )}".`,
      );
    }
    if (/[A-Z]/.test(name)) {
      problems.push(
        `clusterName "${name}" has uppercase letters; cluster names are DNS labels and must be lowercase, e.g. "${suggestClusterName(
          name,
        )}".`,
      );
    }
    const badChars = [...new Set(name.replace(/[A-Za-z0-9-]/g, ''))];
    if (badChars.length > 0) {
      problems.push(
        `clusterName "${name}" contains ${badChars
          .map(c => JSON.stringify(c))
          .join(
            ', ',
          )}; use only lowercase letters, digits and '-', e.g. "${suggestClusterName(
          name,
        )}".`,
      );
    }
    if (!/^[A-Za-z]/.test(name)) {
      problems.push(
        `clusterName "${name}" must start with a letter (Magnum requires it), e.g. "${suggestClusterName(
          name,
        )}".`,
      );
    }
    if (name.endsWith('-')) {
      problems.push(`clusterName "${name}" must not end with '-'.`);
    }
  }

  // Allocation.
  const allocation = input.allocation;
  if (!isAllocationId(allocation)) {
    const hint = isAllocationId(allocation.toLowerCase())
      ? `use lowercase: "${allocation.toLowerCase()}"`
      : 'it is three lowercase letters and six digits, e.g. "abc123456" (see the allocation in Horizon\'s project menu)';
    problems.push(
      `allocation "${allocation}" is not a Jetstream2 allocation id: ${hint}.`,
    );
  }

  const kinds = Object.keys(
    jetstream2DefaultQuotas,
  ) as Jetstream2AllocationKind[];
  const allocationKind = input.allocationKind as Jetstream2AllocationKind;
  if (!kinds.includes(allocationKind)) {
    problems.push(
      `allocationKind "${
        input.allocationKind
      }" is unknown; use one of: ${kinds.join(', ')}.`,
    );
  } else if (allocationKind === 'trial') {
    problems.push(
      `A trial allocation has a quota of ${
        jetstream2DefaultQuotas.trial.cores
      } cores, too small for any Kubernetes cluster (the smallest needs ${
        MIN_MASTER_VCPUS + 1
      }+ cores). Request a full CPU or GPU allocation through ACCESS first.`,
    );
  }
  if (
    input.quotaCores !== undefined &&
    (!isWholeNumber(input.quotaCores) || input.quotaCores < 1)
  ) {
    problems.push(
      `quotaCores must be a whole number of cores above 0 (got ${input.quotaCores}); leave it empty to use the default quota.`,
    );
  }

  // Method, region, template.
  const method = input.method as ClusterMethod;
  if (!clusterMethods.includes(method)) {
    problems.push(
      `method "${input.method}" is unknown; use one of: ${clusterMethods.join(
        ', ',
      )} (magnum is the recommended way).`,
    );
  }
  const region = jetstream2Regions.find(r => r.id === input.region);
  if (!region) {
    problems.push(
      `region "${input.region}" is unknown; use one of: ${jetstream2Regions
        .map(r => r.id)
        .join(', ')}.`,
    );
  } else if (region.byInvitation) {
    warnings.push(
      `Region ${region.id} is a regional cloud open by invitation only; most allocations can use only IU.`,
    );
  }
  const template = getMagnumClusterTemplate(input.clusterTemplate);
  if (!template) {
    const known = magnumClusterTemplates.map(t => t.name).join(', ');
    const m = /^v?(\d+)[.-](\d+)/.exec(input.clusterTemplate);
    const hint =
      m && getMagnumClusterTemplate(`kubernetes-${m[1]}-${m[2]}-jammy`)
        ? ` Did you mean "kubernetes-${m[1]}-${m[2]}-jammy"?`
        : '';
    problems.push(
      `clusterTemplate "${input.clusterTemplate}" is not a known Jetstream2 Magnum template; use one of: ${known}.${hint}`,
    );
  }

  // Control plane.
  if (
    !isWholeNumber(input.masterCount) ||
    !magnumFacts.masterCounts.includes(input.masterCount)
  ) {
    problems.push(
      `masterCount ${input.masterCount} is not allowed: use 1 (development) or 3 (high availability). etcd needs an odd number of members, so 2 masters tolerate no more failures than 1.`,
    );
  }
  const cpuFlavorHint = flavorNames(
    orderableFlavors('m3')
      .filter(f => f.vcpus >= MIN_MASTER_VCPUS)
      .slice(0, 4),
  );
  const master = getFlavor(input.masterFlavor);
  if (!master) {
    problems.push(
      `masterFlavor "${input.masterFlavor}" is not a Jetstream2 flavor; use a CPU flavor such as ${cpuFlavorHint}.`,
    );
  } else if (master.status === 'retired') {
    problems.push(
      `masterFlavor ${master.name} is retired; use a CPU flavor such as ${cpuFlavorHint}.`,
    );
  } else if (master.gpuFraction > 0) {
    problems.push(
      `masterFlavor ${master.name} is a GPU flavor; control plane nodes do not run workloads, so a GPU there is wasted at 4 SU per vCPU-hour. Use a CPU flavor such as ${cpuFlavorHint} and put GPUs on the workers.`,
    );
  } else if (master.vcpus < MIN_MASTER_VCPUS) {
    problems.push(
      `masterFlavor ${master.name} has ${master.vcpus} vCPU; a control plane node needs at least ${MIN_MASTER_VCPUS} (kubeadm minimum). Use m3.small or larger.`,
    );
  }

  // Workers.
  const worker = getFlavor(input.workerFlavor);
  const allWorkerFlavors = flavorNames(orderableFlavors());
  if (!worker) {
    problems.push(
      `workerFlavor "${input.workerFlavor}" is not a Jetstream2 flavor; use one of: ${allWorkerFlavors}.`,
    );
  } else if (worker.status === 'retired') {
    const successor =
      worker.family === 'g3' ? 'g3.medium (1/4 A100)' : 'a current flavor';
    problems.push(
      `workerFlavor ${worker.name} is retired; use ${successor}. Available: ${allWorkerFlavors}.`,
    );
  } else {
    if (worker.status === 'by-request') {
      warnings.push(
        `${worker.name} is available by request only: open a ticket with the Jetstream2 team before creating the cluster.`,
      );
    }
    if (worker.vcpus < 2) {
      warnings.push(
        `${worker.name} workers (${worker.vcpus} vCPU, ${worker.ramGb} GB) leave little room after the Kubernetes system pods; m3.quad or larger is more useful.`,
      );
    }
  }
  const gpu = !!worker && worker.gpuFraction > 0;
  if (gpu && allocationKind === 'cpu') {
    problems.push(
      `workerFlavor ${
        worker!.name
      } needs a GPU allocation (Jetstream2-GPU), but allocationKind is "cpu". Set allocationKind to "gpu" if the allocation has GPU resources, or pick an m3 flavor.`,
    );
  }
  if (!gpu && allocationKind === 'gpu' && worker) {
    warnings.push(
      'The allocation is a GPU allocation but the workers have no GPU; g3.* workers would use it.',
    );
  }

  // Node counts.
  const nodeCount = input.nodeCount;
  if (!isWholeNumber(nodeCount) || nodeCount < 1) {
    problems.push(
      `nodeCount ${nodeCount} is not allowed: a cluster needs at least 1 worker node (whole number).`,
    );
  } else if (nodeCount > MAX_WORKERS) {
    problems.push(
      `nodeCount ${nodeCount} is above ${MAX_WORKERS}; plan a cluster this large with the Jetstream2 team.`,
    );
  }
  const autoscaling = input.autoscaling;
  let minNodes = input.minNodes ?? nodeCount;
  let maxNodes = input.maxNodes ?? nodeCount;
  if (autoscaling) {
    if (method && method !== 'magnum' && clusterMethods.includes(method)) {
      problems.push(
        `autoscaling is only available with method "magnum" (the Magnum cluster autoscaler); turn it off or choose magnum.`,
      );
    }
    if (!isWholeNumber(minNodes) || minNodes < 1) {
      problems.push(
        `minNodes ${minNodes} is not allowed: keep at least 1 worker (whole number).`,
      );
    }
    if (!isWholeNumber(maxNodes) || maxNodes < 1) {
      problems.push(
        `maxNodes ${maxNodes} is not allowed: it must be a whole number of at least 1.`,
      );
    } else if (maxNodes > MAX_WORKERS) {
      problems.push(
        `maxNodes ${maxNodes} is above ${MAX_WORKERS}; plan a cluster this large with the Jetstream2 team.`,
      );
    }
    if (
      isWholeNumber(minNodes) &&
      isWholeNumber(maxNodes) &&
      minNodes > maxNodes
    ) {
      problems.push(
        `minNodes (${minNodes}) is larger than maxNodes (${maxNodes}); swap them or raise maxNodes.`,
      );
    } else if (
      isWholeNumber(nodeCount) &&
      (nodeCount < minNodes || nodeCount > maxNodes)
    ) {
      problems.push(
        `nodeCount (${nodeCount}) must lie between minNodes (${minNodes}) and maxNodes (${maxNodes}).`,
      );
    }
    if (minNodes === maxNodes) {
      warnings.push(
        `Autoscaling is on but minNodes equals maxNodes (${maxNodes}), so the autoscaler can never change the size.`,
      );
    }
  } else {
    if (
      (input.minNodes !== undefined && input.minNodes !== nodeCount) ||
      (input.maxNodes !== undefined && input.maxNodes !== nodeCount)
    ) {
      warnings.push(
        `Autoscaling is off, so minNodes/maxNodes are ignored and the cluster keeps ${nodeCount} workers.`,
      );
    }
    minNodes = nodeCount;
    maxNodes = nodeCount;
  }

  // Docker volume.
  const dockerVolumeSize = input.dockerVolumeSize;
  if (
    !isWholeNumber(dockerVolumeSize) ||
    dockerVolumeSize < MIN_DOCKER_VOLUME_GB ||
    dockerVolumeSize > MAX_DOCKER_VOLUME_GB
  ) {
    problems.push(
      `dockerVolumeSize ${dockerVolumeSize} GB is out of range: use a whole number from ${MIN_DOCKER_VOLUME_GB} (the guide's value) to ${MAX_DOCKER_VOLUME_GB}.`,
    );
  }

  // Credential: a reference, never the secret. The value is not repeated in messages on purpose.
  const credential = input.applicationCredential.trim();
  if (credential.length === 0) {
    problems.push(
      'applicationCredential is empty: give the name or id of an unrestricted application credential (with the load-balancer role) created in Horizon under Identity → Application Credentials.',
    );
  } else if (looksLikeSecret(credential)) {
    problems.push(
      "applicationCredential looks like a secret, not a reference. Give only the credential's name or its 32-character id; keep the secret in your openrc/clouds.yaml. If you pasted a real secret, delete that application credential in Horizon and create a new one.",
    );
  } else if (
    !CREDENTIAL_ID_PATTERN.test(credential) &&
    !CREDENTIAL_NAME_PATTERN.test(credential)
  ) {
    problems.push(
      'applicationCredential must be a name (letters, digits, ".", "_", "-", at most 64 characters) or a 32-character hex id.',
    );
  }
  if (
    input.keypair !== undefined &&
    input.keypair !== '' &&
    !KEYPAIR_PATTERN.test(input.keypair)
  ) {
    problems.push(
      `keypair "${input.keypair}" is not a valid OpenStack keypair name: use letters, digits, ".", "_" and "-".`,
    );
  }

  // Add-ons.
  const addons: ClusterAddon[] = [];
  for (const a of input.addons) {
    if (!(clusterAddons as readonly string[]).includes(a)) {
      problems.push(
        `addon "${a}" is unknown; choose from: ${clusterAddons.join(', ')}.`,
      );
    } else if (!addons.includes(a as ClusterAddon)) {
      addons.push(a as ClusterAddon);
    }
  }
  if (gpu && !addons.includes('nvidia-device-plugin')) {
    warnings.push(
      'GPU workers need the NVIDIA device plugin before pods can request nvidia.com/gpu; consider the nvidia-device-plugin add-on.',
    );
  }
  if (!gpu && worker && addons.includes('nvidia-device-plugin')) {
    warnings.push(
      'The nvidia-device-plugin add-on does nothing without g3 workers.',
    );
  }

  // Quota, only once the flavors and counts make sense.
  const kindQuota = kinds.includes(allocationKind)
    ? jetstream2DefaultQuotas[allocationKind].cores
    : 0;
  const quotaCores = input.quotaCores ?? kindQuota;
  let coresAtMax = 0;
  if (
    master &&
    worker &&
    isWholeNumber(input.masterCount) &&
    isWholeNumber(maxNodes) &&
    allocationKind !== 'trial' &&
    kindQuota > 0
  ) {
    const masterCores = master.vcpus * input.masterCount;
    coresAtMax = masterCores + worker.vcpus * maxNodes;
    if (coresAtMax > quotaCores) {
      const fit = Math.floor((quotaCores - masterCores) / worker.vcpus);
      const fix =
        fit >= 1
          ? `lower ${
              autoscaling ? 'maxNodes' : 'nodeCount'
            } to ${fit} or less, pick a smaller worker flavor`
          : 'pick smaller flavors';
      problems.push(
        `At its largest the cluster needs ${coresAtMax} cores (${
          input.masterCount
        } × ${master.name} + ${maxNodes} × ${
          worker.name
        }) but the allocation's quota is ${quotaCores} cores. ${fix[0].toUpperCase()}${fix.slice(
          1,
        )}, or ask the Jetstream2 team for more quota and set quotaCores.`,
      );
    } else if (coresAtMax > quotaCores * QUOTA_WARN_SHARE) {
      warnings.push(
        `At its largest the cluster uses ${coresAtMax} of the ${quotaCores} cores of the quota, leaving ${
          quotaCores - coresAtMax
        } for anything else in the allocation (including rolling upgrades, which add a node).`,
      );
    }
  }

  if (problems.length > 0) {
    const list = problems.map((p, i) => `${i + 1}. ${p}`).join('\n');
    throw new InputError(
      `The cluster request has ${problems.length} problem${
        problems.length === 1 ? '' : 's'
      }:\n${list}`,
    );
  }

  // From here on every value has been checked.
  const m = master!;
  const w = worker!;
  const minSize = sizeOf(input.masterCount, m, minNodes, w);
  const maxSize = sizeOf(input.masterCount, m, maxNodes, w);

  if (method === 'magnum') {
    warnings.unshift(
      `Magnum labels cannot be changed after creation (the API answers HTTP 400), so maxNodes = ${maxNodes} is final; a larger cluster means a new cluster.`,
    );
    warnings.push(
      'Magnum needs an "unrestricted" application credential that includes the load-balancer role; Horizon sets its expiry to the day of creation unless you change it, and an expired credential breaks load balancers and volumes in the cluster.',
    );
    warnings.push(
      `Creation takes about ${magnumFacts.typicalCreateMinutes} minutes; the very first cluster of an allocation can take 2 hours or more.`,
    );
  }
  if (input.masterCount === 1) {
    warnings.push(
      'One control plane node: fine for development, but the cluster API is down while it is.',
    );
  }

  const plan: Omit<ClusterPlan, 'summary'> = {
    clusterName: name,
    allocation,
    allocationKind,
    method,
    region: region!.id,
    clusterTemplate: template!.name,
    kubernetesVersion: template!.kubernetesVersion,
    masterCount: input.masterCount,
    masterFlavor: m.name,
    workerFlavor: w.name,
    nodeCount,
    autoscaling,
    minNodes,
    maxNodes,
    dockerVolumeSize,
    applicationCredential: credential,
    keypair: input.keypair || undefined,
    addons,
    gpu,
    quotaCores,
    coresAtMax,
    minSize,
    maxSize,
    tokenEnvVar: tokenEnvVarFor(name),
    warnings,
  };
  return { ...plan, summary: summarize(plan, m, w) };
}

function formatGpus(size: ClusterSize): string {
  return size.gpus > 0
    ? `${+size.gpus.toFixed(2)} A100 (${size.gpuMemoryGb} GB)`
    : '–';
}

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
      } SU/h** | ${s.suPer30Days.toLocaleString('en-US')} SU |`,
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
    '',
    '| size | nodes | vCPU | memory | GPU | cost | per 30 days |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
