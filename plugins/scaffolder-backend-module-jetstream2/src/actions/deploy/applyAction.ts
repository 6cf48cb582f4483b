import type {
  AuditorService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  isWriteError,
  type WorkloadWriter,
} from '@internal/plugin-jetstream2-kubernetes-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { InputError } from '@backstage/errors';
import type { ZodImpl } from '../cluster/zod';
import {
  checkKubernetesIdFree,
  checkNamespaceForTemplate,
  checkOwner,
  initiatorOf,
} from './deployAccess';
import type { PortalCatalog } from './portalCatalog';
import { readManifests } from './readManifests';
import { waitForRollouts } from './waitForRollouts';

export interface KubernetesApplyActionOptions {
  writer: WorkloadWriter;
  catalog: PortalCatalog;
  userInfo: UserInfoService;
  auditor: AuditorService;
  /** Per template name, the namespaces its non-platform users may deploy into. */
  deployNamespaces: (template: string) => string[];
  /** How long to follow the rollout before the step ends (it never fails on a slow rollout); default 60 s. */
  rolloutWaitMs?: number;
}

/** `resource:default/js2-demo` (the template's cluster picker) or `js2-demo` → `js2-demo`. */
export function clusterName(value: string): string {
  return value.replace(/^.*[:/]/, '');
}

/**
 * `jetstream2:kubernetes:apply` applies the rendered manifests of a new service to a cluster with the
 * portal's deployer credential: checks who may deploy where and that no other entity owns the Kubernetes
 * id, sends every object through the API server's dry run, then server-side applies them, records the
 * write with the auditor and follows the rollout in the task log.
 */
export function createKubernetesApplyAction(
  options: KubernetesApplyActionOptions,
) {
  const { writer, catalog, userInfo, auditor } = options;
  return createTemplateAction({
    id: 'jetstream2:kubernetes:apply',
    description:
      "Server-side applies a workspace folder of manifests to a Jetstream2 cluster with the portal's deployer credential (dry run first).",
    schema: {
      input: {
        cluster: (z: ZodImpl) =>
          z.string({
            description:
              'The cluster: its name in kubernetes.clusterLocatorMethods, or its catalog Resource ref',
          }),
        namespace: (z: ZodImpl) => z.string(),
        kubernetesId: (z: ZodImpl) =>
          z.string({
            description:
              'The backstage.io/kubernetes-id every object carries (and the new entity)',
          }),
        owner: (z: ZodImpl) =>
          z.string({ description: 'The owner of the new entity' }),
        entityRef: (z: ZodImpl) =>
          z
            .string({
              description:
                'The entity just registered for these objects (may use the id)',
            })
            .optional(),
        path: (z: ZodImpl) =>
          z
            .string({ description: 'Workspace folder of the manifests' })
            .default('k8s'),
        checkOnly: (z: ZodImpl) =>
          z
            .boolean({
              description:
                "Only check: who may deploy, the Kubernetes id, and the API server's dry run; writes nothing (run it before publishing, so a refusal leaves nothing behind)",
            })
            .default(false),
      },
      output: {
        objects: (z: ZodImpl) => z.array(z.string()),
      },
    },
    async handler(ctx) {
      const { namespace, kubernetesId, owner } = ctx.input;
      const cluster = clusterName(ctx.input.cluster);
      const template = ctx.templateInfo?.entity?.metadata.name ?? '(unknown)';
      const initiator = await initiatorOf(
        userInfo,
        await ctx.getInitiatorCredentials(),
      );
      const event = await auditor.createEvent({
        eventId: ctx.input.checkOnly
          ? 'kubernetes-apply-check'
          : 'kubernetes-apply',
        severityLevel: 'medium',
        meta: {
          actor: initiator.userEntityRef,
          template,
          taskId: ctx.task.id,
          cluster,
          namespace,
          kubernetesId,
        },
      });
      let deployments: string[] = [];
      try {
        checkOwner(initiator, owner);
        checkNamespaceForTemplate(
          initiator,
          namespace,
          template,
          options.deployNamespaces(template),
        );
        await checkKubernetesIdFree(catalog, kubernetesId, ctx.input.entityRef);
        const objects = await readManifests(
          ctx.workspacePath,
          ctx.input.path ?? 'k8s',
          kubernetesId,
        );
        ctx.logger.info(
          `Dry run of ${objects.length} object(s) on cluster "${cluster}", namespace "${namespace}"`,
        );
        const checkOnly = ctx.input.checkOnly ?? false;
        const applied = await writer.apply({
          cluster,
          namespace,
          objects,
          dryRun: checkOnly,
        });
        const lines = applied.map(
          o =>
            `${o.kind} ${o.namespace}/${o.name} ${
              checkOnly ? `would be ${o.result}` : o.result
            }`,
        );
        for (const line of lines) ctx.logger.info(line);
        await event.success({ meta: { objects: lines, checkOnly } });
        ctx.output('objects', lines);
        if (checkOnly) return;
        deployments = applied
          .filter(o => o.kind === 'Deployment')
          .map(o => o.name);
      } catch (error) {
        const reason = isWriteError(error)
          ? new InputError(error.message)
          : (error as Error);
        await event.fail({ error: reason });
        throw isWriteError(error) ? reason : error;
      }
      await waitForRollouts(ctx.logger, writer, {
        cluster,
        namespace,
        deployments,
        timeoutMs: options.rolloutWaitMs ?? 60_000,
      });
    },
  });
}
