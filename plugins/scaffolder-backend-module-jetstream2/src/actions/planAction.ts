import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { ZodImpl } from './cluster/zod';
import { planCluster } from './cluster/planCluster';
import { clusterRequestFields } from './cluster/request';
import { withPlainErrors } from './plainErrors';

const sizeSchema = (z: ZodImpl) =>
  z.object({
    nodes: z.number(),
    workers: z.number(),
    vcpus: z.number(),
    memoryGb: z.number(),
    gpus: z.number({ description: 'A100 equivalents' }),
    gpuMemoryGb: z.number(),
    suPerHour: z.number(),
    suPerDay: z.number(),
    suPerMonth: z.number({ description: 'SU per month of 730 hours' }),
  });

/** The outputs of jetstream2:cluster:plan (also part of jetstream2:cluster:render's outputs). */
export const planOutputFields = {
  clusterName: (z: ZodImpl) => z.string(),
  allocation: (z: ZodImpl) => z.string(),
  method: (z: ZodImpl) => z.string(),
  region: (z: ZodImpl) => z.string(),
  clusterTemplate: (z: ZodImpl) => z.string(),
  kubernetesVersion: (z: ZodImpl) => z.string(),
  masterCount: (z: ZodImpl) => z.number(),
  masterFlavor: (z: ZodImpl) => z.string(),
  workerFlavor: (z: ZodImpl) => z.string(),
  nodeCount: (z: ZodImpl) => z.number(),
  autoscaling: (z: ZodImpl) => z.boolean(),
  minNodes: (z: ZodImpl) => z.number(),
  maxNodes: (z: ZodImpl) => z.number(),
  gpu: (z: ZodImpl) =>
    z.boolean({ description: 'True when the workers have GPUs' }),
  quotaCores: (z: ZodImpl) => z.number(),
  coresAtMax: (z: ZodImpl) =>
    z.number({ description: 'Cores at the largest size' }),
  minSize: sizeSchema,
  maxSize: sizeSchema,
  suPerHour: (z: ZodImpl) =>
    z.number({ description: 'SU per hour at the starting size' }),
  suPerMonth: (z: ZodImpl) =>
    z.number({
      description: 'SU per month (730 hours) at the starting size',
    }),
  suPerHourMin: (z: ZodImpl) =>
    z.number({ description: 'SU per hour at the smallest size' }),
  suPerHourMax: (z: ZodImpl) =>
    z.number({ description: 'SU per hour at the largest size' }),
  suPerMonthMin: (z: ZodImpl) =>
    z.number({ description: 'SU per month at the smallest size' }),
  suPerMonthMax: (z: ZodImpl) =>
    z.number({ description: 'SU per month at the largest size' }),
  tokenEnvVar: (z: ZodImpl) =>
    z.string({
      description:
        'Environment variable the portal reads the cluster token from',
    }),
  summary: (z: ZodImpl) =>
    z.string({ description: 'Markdown summary of the plan and its cost' }),
  warnings: (z: ZodImpl) => z.array(z.string()),
  warningsMarkdown: (z: ZodImpl) =>
    z.string({
      description:
        'The warnings as a Markdown list (empty when there are none)',
    }),
};

/** Writes the plan's outputs into the action context. */
export function outputPlan(
  output: (name: any, value: any) => void,
  plan: ReturnType<typeof planCluster>,
) {
  for (const key of Object.keys(planOutputFields)) {
    switch (key) {
      case 'suPerHour':
        output(key, plan.cost.suPerHour);
        break;
      case 'suPerMonth':
        output(key, plan.cost.suPerMonth);
        break;
      case 'suPerHourMin':
        output(key, (plan.cost.min ?? plan.cost).suPerHour);
        break;
      case 'suPerHourMax':
        output(key, (plan.cost.max ?? plan.cost).suPerHour);
        break;
      case 'suPerMonthMin':
        output(key, (plan.cost.min ?? plan.cost).suPerMonth);
        break;
      case 'suPerMonthMax':
        output(key, (plan.cost.max ?? plan.cost).suPerMonth);
        break;
      case 'warningsMarkdown':
        output(key, plan.warnings.map(w => `- ⚠️ ${w}`).join('\n'));
        break;
      default:
        output(key, (plan as any)[key]);
    }
  }
}

/**
 * `jetstream2:cluster:plan` checks a new cluster request against the Jetstream2 facts (flavors, quotas,
 * Magnum templates, names, allocation ids) and computes its size and cost in SUs. It has no side
 * effects, so a dry run does exactly what a real run does.
 */
export function createClusterPlanAction() {
  return createTemplateAction({
    id: 'jetstream2:cluster:plan',
    description:
      'Validates a new Jetstream2 Kubernetes cluster request and computes its vCPU, memory, GPU and SU cost (per hour and per month, at the starting, minimum and maximum size). Refuses a plan whose largest monthly cost exceeds the optional allocation balance.',
    supportsDryRun: true,
    examples: [
      {
        description: 'Plan an autoscaling GPU cluster with Magnum',
        example: [
          'steps:',
          '  - id: plan',
          '    action: jetstream2:cluster:plan',
          '    input:',
          '      clusterName: gpu-lab',
          '      allocation: abc123456',
          '      allocationKind: gpu',
          '      workerFlavor: g3.medium',
          '      nodeCount: 1',
          '      autoscaling: true',
          '      minNodes: 1',
          '      maxNodes: 4',
          '      applicationCredential: gpu-lab-magnum',
        ].join('\n'),
      },
    ],
    schema: {
      input: clusterRequestFields,
      output: planOutputFields,
    },
    handler: withPlainErrors('jetstream2:cluster:plan', async ctx => {
      const plan = planCluster(ctx.input);
      ctx.logger.info(
        `${ctx.isDryRun ? '[dry run] ' : ''}Planned ${plan.method} cluster ${
          plan.clusterName
        }: ${plan.minSize.suPerHour}–${plan.maxSize.suPerHour} SU/h, ${
          plan.coresAtMax
        }/${plan.quotaCores} cores at max`,
      );
      for (const w of plan.warnings) ctx.logger.warn(w);
      outputPlan(ctx.output, plan);
    }),
  });
}
