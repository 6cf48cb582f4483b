import fs from 'node:fs';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';

/** A valid request for an autoscaling GPU cluster with Magnum. */
export const validRequest = {
  clusterName: 'gpu-lab',
  allocation: 'abc123456',
  allocationKind: 'gpu',
  method: 'magnum',
  clusterTemplate: 'kubernetes-1-33-jammy',
  masterCount: 1,
  masterFlavor: 'm3.quad',
  workerFlavor: 'g3.medium',
  nodeCount: 1,
  autoscaling: true,
  minNodes: 1,
  maxNodes: 4,
  dockerVolumeSize: 10,
  applicationCredential: 'gpu-lab-magnum',
  addons: ['nvidia-device-plugin'],
};

/** An action context over a fresh workspace, with a logger whose calls tests can read. */
export function makeContext(
  input: Record<string, unknown>,
  opts: {
    isDryRun?: boolean;
    workspacePath: string;
    secrets?: Record<string, string>;
  },
) {
  const logger = mockServices.logger.mock();
  const ctx = createMockActionContext({
    input: input as any,
    workspacePath: opts.workspacePath,
    logger,
    secrets: opts.secrets,
  });
  return { ctx: { ...ctx, isDryRun: opts.isDryRun ?? false }, logger };
}

/** The outputs a context received, by name. */
export function outputsOf(ctx: { output: unknown }): Record<string, any> {
  return Object.fromEntries(
    (ctx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
  );
}

/** Every file under a folder, relative, sorted ([] when the folder does not exist). */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Everything the logger mock was called with, as one string. */
export function loggedText(
  logger: ReturnType<typeof mockServices.logger.mock>,
): string {
  return [logger.info, logger.warn, logger.error, logger.debug]
    .flatMap(fn => (fn as jest.Mock).mock.calls)
    .map(args => JSON.stringify(args))
    .join('\n');
}

/** A value shaped like a Keystone application credential secret (86 URL-safe characters). */
export const FAKE_SECRET =
  'Xq7pL2vN9sK4mR8tW1yB6cF3hJ5gD0aZxQ7pL2vN9sK4mR8tW1yB6cF3hJ5gD0aZxQ7pL2vN9sK4mR8tW1yB6c';

/**
 * Bad requests and the words the error must contain. Each one changes a valid request in one way
 * (the last one in several ways, to show that every problem is reported at once).
 */
/**
 * Requests the plan action refuses, and what its message says. Every message names fields by their labels
 * in the templates, never by their internal names (see INTERNAL_FIELD_NAME).
 */
export const badRequests: Array<[string, Record<string, unknown>, RegExp]> = [
  [
    'name with an underscore',
    { clusterName: 'gpu_lab' },
    /"Cluster name" "gpu_lab" is not a valid cluster name\. Use lowercase letters, digits and '-': gpu-lab\./,
  ],
  [
    'name with a dot and a space',
    { clusterName: 'gpu lab.v2' },
    /Use lowercase letters, digits and '-': gpu-lab-v2/,
  ],
  [
    'name too long',
    { clusterName: `a${'b'.repeat(40)}` },
    /suffixes.*Use lowercase letters, digits and '-', at most 40 characters: a{1}b{39}\./,
  ],
  [
    'uppercase name',
    { clusterName: 'GpuLab' },
    /Use lowercase letters, digits and '-': gpulab\./,
  ],
  [
    'name starting with a digit',
    { clusterName: '1lab' },
    /starting with a letter: lab\./,
  ],
  [
    'name ending with a hyphen',
    { clusterName: 'lab-' },
    /ending with a letter or digit: lab\./,
  ],
  ['empty name', { clusterName: '' }, /"Cluster name" is empty/],
  [
    'allocation id too short',
    { allocation: 'abc12345' },
    /"Allocation id" "abc12345" is not a Jetstream2 allocation id: it is three lowercase letters and six digits/,
  ],
  [
    'uppercase allocation id',
    { allocation: 'ABC123456' },
    /use lowercase: "abc123456"/,
  ],
  [
    'unknown allocation kind',
    { allocationKind: 'premium' },
    /"Allocation kind" "premium" is unknown; choose one of: cpu, gpu, trial/,
  ],
  [
    'trial allocation',
    { allocationKind: 'trial', workerFlavor: 'm3.small' },
    /trial allocation has a quota of 2 cores, too small/,
  ],
  [
    'unknown worker flavor',
    { workerFlavor: 'm3.huge' },
    /"Worker flavor" "m3.huge" is not a Jetstream2 flavor; use one of: m3.tiny/,
  ],
  [
    'retired g3.small',
    { workerFlavor: 'g3.small' },
    /"Worker flavor" g3.small is retired; use g3.medium/,
  ],
  [
    'GPU flavor as master',
    { masterFlavor: 'g3.medium' },
    /"Control plane flavor" g3.medium is a GPU flavor.*Use a CPU flavor/,
  ],
  [
    'one-vCPU master',
    { masterFlavor: 'm3.tiny' },
    /"Control plane flavor" m3.tiny has 1 vCPU; a control plane node needs at least 2/,
  ],
  [
    'unknown master flavor',
    { masterFlavor: 'big' },
    /"Control plane flavor" "big" is not a Jetstream2 flavor/,
  ],
  [
    'master count 2',
    { masterCount: 2 },
    /"Control plane nodes" cannot be 2: use 1 \(development\) or 3/,
  ],
  [
    'node count 0',
    {
      nodeCount: 0,
      autoscaling: false,
      minNodes: undefined,
      maxNodes: undefined,
    },
    /"Workers at creation" cannot be 0: a cluster needs at least 1 worker/,
  ],
  [
    'fractional node count',
    {
      nodeCount: 1.5,
      autoscaling: false,
      minNodes: undefined,
      maxNodes: undefined,
    },
    /"Workers at creation" cannot be 1.5.*whole number/,
  ],
  [
    'min above max',
    { minNodes: 5, maxNodes: 2 },
    /"Fewest workers" \(5\) is larger than "Most workers" \(2\)/,
  ],
  [
    'node count outside min..max',
    { nodeCount: 6, minNodes: 1, maxNodes: 4 },
    /"Workers at creation" \(6\) must lie between "Fewest workers" \(1\) and "Most workers" \(4\)/,
  ],
  [
    'max nodes over the GPU quota',
    { workerFlavor: 'g3.large', maxNodes: 4 },
    /needs 68 cores \(1 × m3.quad \+ 4 × g3.large\) but the allocation's quota is 64 cores\. Lower "Most workers" to 3 or less/,
  ],
  [
    'max nodes over the CPU quota',
    { allocationKind: 'cpu', workerFlavor: 'm3.xl', addons: [], maxNodes: 5 },
    /needs 164 cores .* quota is 150 cores\. Lower "Most workers" to 4/,
  ],
  [
    'GPU workers on a CPU allocation',
    { allocationKind: 'cpu' },
    /"Worker flavor" g3.medium needs a GPU allocation/,
  ],
  [
    'unknown template version',
    { clusterTemplate: 'kubernetes-1-29-jammy' },
    /"Kubernetes version" "kubernetes-1-29-jammy" is not a known Jetstream2 Magnum template; use one of: kubernetes-1-30-jammy, kubernetes-1-31-jammy, kubernetes-1-33-jammy/,
  ],
  [
    'bare version as template',
    { clusterTemplate: '1.31' },
    /Did you mean "kubernetes-1-31-jammy"\?/,
  ],
  [
    'secret pasted as credential',
    { applicationCredential: FAKE_SECRET },
    /"Application credential" looks like a secret, not a reference/,
  ],
  [
    'openrc line pasted as credential',
    { applicationCredential: "OS_APPLICATION_CREDENTIAL_SECRET='abc'" },
    /looks like a secret/,
  ],
  [
    'empty credential',
    { applicationCredential: '  ' },
    /"Application credential" is empty/,
  ],
  [
    'unknown method',
    { method: 'eks' },
    /"How the cluster is created" "eks" is unknown; use one of: magnum, kubespray, cacao/,
  ],
  [
    'autoscaling with Kubespray',
    { method: 'kubespray' },
    /"Autoscale workers" works only with Magnum/,
  ],
  [
    'unknown region',
    { region: 'Mars' },
    /"Region" "Mars" is unknown; use one of: IU/,
  ],
  [
    'docker volume too small',
    { dockerVolumeSize: 5 },
    /"Docker volume per node" 5 GB is out of range/,
  ],
  [
    'unknown add-on',
    { addons: ['istio'] },
    /"Add-ons to plan for": "istio" is unknown; choose from: ingress-nginx/,
  ],
  [
    'quota override of 0',
    { quotaCores: 0 },
    /"Core quota" must be a whole number of cores above 0/,
  ],
  [
    'invalid keypair name',
    { keypair: 'my key!' },
    /"SSH keypair name" "my key!" is not a valid OpenStack keypair name/,
  ],
  [
    'node count of the wrong type',
    { nodeCount: 'three' },
    /wrong type: "Workers at creation": Expected number, received string/,
  ],
  [
    'missing allocation',
    { allocation: undefined },
    /incomplete.*"Allocation id": Required/,
  ],
  [
    'several problems at once',
    { clusterName: 'Bad_Name', masterCount: 2, workerFlavor: 'g3.small' },
    /has 3 problems:\n1\. "Cluster name" "Bad_Name" .*: bad-name\.\n2\. "Control plane nodes" cannot be 2[\s\S]*\n3\. "Worker flavor" g3.small is retired/,
  ],
];

/** An internal request field name, which no message a person reads may contain. */
export const INTERNAL_FIELD_NAME =
  /\b(clusterName|allocationKind|quotaCores|allocationBalance|masterCount|masterFlavor|workerFlavor|nodeCount|minNodes|maxNodes|minNodeCount|maxNodeCount|dockerVolumeSize|applicationCredential|clusterTemplate|targetPath)\b/;
