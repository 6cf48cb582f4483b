import type { ZodImpl } from './zod';
import {
  CLUSTER_NAME_RULES,
  DEFAULT_MAGNUM_CLUSTER_TEMPLATE,
  JETSTREAM2_PRIMARY_REGION,
} from '@internal/plugin-jetstream2-kubernetes-common';

/** How the cluster gets created. */
export const clusterMethods = ['magnum', 'kubespray', 'cacao'] as const;
export type ClusterMethod = (typeof clusterMethods)[number];

/** Add-ons the rendered README explains how to install. */
export const clusterAddons = [
  'ingress-nginx',
  'cert-manager',
  'nvidia-device-plugin',
  'jupyterhub',
] as const;
export type ClusterAddon = (typeof clusterAddons)[number];

/** Longest cluster name we accept; see the README of this package for why 40. */
export const MAX_CLUSTER_NAME_LENGTH = CLUSTER_NAME_RULES.maxLength;

/**
 * The fields of a cluster request, as zod schemas. The JSON schema the scaffolder derives from them only
 * checks types: the meaning of each value (flavors, quotas, names) is checked by `planCluster`, which
 * reports every problem at once in words a person can act on.
 */
export const clusterRequestFields = {
  clusterName: (z: ZodImpl) =>
    z.string({
      description: `Short cluster name: lowercase letters, digits and '-', starting with a letter, at most ${MAX_CLUSTER_NAME_LENGTH} characters`,
    }),
  allocation: (z: ZodImpl) =>
    z.string({
      description:
        'Jetstream2 allocation (project) id: three lowercase letters and six digits, e.g. abc123456',
    }),
  allocationKind: (z: ZodImpl) =>
    z
      .string({
        description:
          "Kind of allocation: 'cpu' (150 cores by default), 'gpu' (64 cores) or 'trial'",
      })
      .default('cpu'),
  quotaCores: (z: ZodImpl) =>
    z
      .number({
        description:
          'Core quota of the allocation if the Jetstream2 team raised it; defaults to the quota of the allocation kind',
      })
      .optional(),
  allocationBalance: (z: ZodImpl) =>
    z
      .number({
        description:
          'SU left in the allocation (optional); a plan whose largest monthly cost exceeds it is refused',
      })
      .optional(),
  method: (z: ZodImpl) =>
    z
      .string({
        description:
          "How the cluster is created: 'magnum' (recommended), 'kubespray' or 'cacao'",
      })
      .default('magnum'),
  region: (z: ZodImpl) =>
    z
      .string({ description: 'Jetstream2 region; IU is the primary cloud' })
      .default(JETSTREAM2_PRIMARY_REGION),
  clusterTemplate: (z: ZodImpl) =>
    z
      .string({
        description:
          'Magnum cluster template, kubernetes-<major>-<minor>-jammy',
      })
      .default(DEFAULT_MAGNUM_CLUSTER_TEMPLATE),
  masterCount: (z: ZodImpl) =>
    z
      .number({
        description: 'Control plane nodes: 1, or 3 for high availability',
      })
      .default(1),
  masterFlavor: (z: ZodImpl) =>
    z
      .string({
        description: 'Flavor of the control plane nodes (a CPU flavor)',
      })
      .default('m3.quad'),
  workerFlavor: (z: ZodImpl) =>
    z
      .string({
        description: 'Flavor of the worker nodes; g3.* for GPU workers',
      })
      .default('m3.quad'),
  nodeCount: (z: ZodImpl) =>
    z.number({ description: 'Worker nodes at creation' }).default(1),
  autoscaling: (z: ZodImpl) =>
    z
      .boolean({
        description: 'Let the Magnum cluster autoscaler add and remove workers',
      })
      .default(false),
  minNodes: (z: ZodImpl) =>
    z
      .number({
        description: 'Fewest workers with autoscaling (defaults to nodeCount)',
      })
      .optional(),
  maxNodes: (z: ZodImpl) =>
    z
      .number({
        description:
          'Most workers with autoscaling (defaults to nodeCount). Final: Magnum labels cannot change later',
      })
      .optional(),
  dockerVolumeSize: (z: ZodImpl) =>
    z.number({ description: 'Docker volume per node, in GB' }).default(10),
  applicationCredential: (z: ZodImpl) =>
    z.string({
      description:
        'Name or id of the OpenStack application credential to use. A reference only: never the secret',
    }),
  keypair: (z: ZodImpl) =>
    z
      .string({
        description:
          'Name of an OpenStack SSH keypair to put on the nodes (optional)',
      })
      .optional(),
  addons: (z: ZodImpl) =>
    z
      .array(z.string(), {
        description: `Add-ons to plan for: ${clusterAddons.join(', ')}`,
      })
      .default([]),
};

type Fields = typeof clusterRequestFields;
type ZodOutput<T> = T extends { _output: infer O } ? O : never;

/** The zod object of all request fields, built with the given zod implementation. */
export function clusterRequestSchema(z: ZodImpl) {
  return z.object(
    Object.fromEntries(
      Object.entries(clusterRequestFields).map(([k, f]) => [k, f(z)]),
    ) as { [K in keyof Fields]: ReturnType<Fields[K]> },
  );
}

/** A cluster request after zod parsing (defaults applied), before its meaning is checked. */
export type ClusterRequestInput = ZodOutput<
  ReturnType<typeof clusterRequestSchema>
>;
