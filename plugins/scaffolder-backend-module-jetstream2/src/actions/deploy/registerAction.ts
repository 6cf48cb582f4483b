import fs from 'node:fs/promises';
import {
  resolveSafeChildPath,
  type AuditorService,
  type UserInfoService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { parseAllDocuments } from 'yaml';
import type { ZodImpl } from '../cluster/zod';
import { checkKubernetesIdFree, checkOwner, initiatorOf } from './deployAccess';
import type { PortalCatalog } from './portalCatalog';

/** The kinds a template may register on a user's behalf. */
const KINDS = ['Component', 'Resource'];

interface EntityDoc {
  kind?: string;
  metadata?: { name?: string; annotations?: Record<string, string> };
  spec?: { owner?: string };
}

async function readEntities(workspacePath: string, file: string) {
  let text: string;
  try {
    text = await fs.readFile(resolveSafeChildPath(workspacePath, file), 'utf8');
  } catch {
    throw new InputError(
      `${file} is not in the workspace; check the step that renders it.`,
    );
  }
  const entities = parseAllDocuments(text)
    .map(d => d.toJSON() as EntityDoc | null)
    .filter((e): e is EntityDoc => !!e);
  if (entities.length === 0) {
    throw new InputError(`${file} holds no catalog entity.`);
  }
  return entities;
}

/**
 * `jetstream2:catalog:register` registers a published catalog-info.yaml with the scaffolder's own
 * credentials, after checking the workspace copy: only Components and Resources, each owned by one of the
 * user's groups (platform-team: any owner), none taking a Kubernetes id another entity uses. The portal's
 * policy refuses researchers the catalog's POST /locations, so this is their only way to register, and
 * only through a template the platform team put in the catalog. No dry run: it always writes.
 */
export function createCatalogRegisterAction(options: {
  catalog: PortalCatalog;
  userInfo: UserInfoService;
  auditor: AuditorService;
}) {
  const { catalog, userInfo, auditor } = options;
  return createTemplateAction({
    id: 'jetstream2:catalog:register',
    description:
      "Registers a published catalog-info.yaml on the user's behalf, after checking its owner and Kubernetes id.",
    schema: {
      input: {
        repoContentsUrl: (z: ZodImpl) =>
          z.string({
            description: 'publish:gitea output: the URL of the files',
          }),
        catalogInfoPath: (z: ZodImpl) =>
          z.string().default('catalog-info.yaml'),
      },
      output: {
        entityRef: (z: ZodImpl) => z.string(),
        catalogInfoUrl: (z: ZodImpl) => z.string(),
      },
    },
    async handler(ctx) {
      const file = ctx.input.catalogInfoPath ?? 'catalog-info.yaml';
      const base = ctx.input.repoContentsUrl;
      const catalogInfoUrl = `${base}${base.endsWith('/') ? '' : '/'}${file}`;
      const initiator = await initiatorOf(
        userInfo,
        await ctx.getInitiatorCredentials(),
      );
      const event = await auditor.createEvent({
        eventId: 'catalog-register',
        severityLevel: 'medium',
        meta: {
          actor: initiator.userEntityRef,
          template: ctx.templateInfo?.entityRef ?? null,
          taskId: ctx.task.id,
          catalogInfoUrl,
        },
      });
      try {
        for (const e of await readEntities(ctx.workspacePath, file)) {
          const name = `${e.kind} "${e.metadata?.name}"`;
          if (!e.kind || !KINDS.includes(e.kind)) {
            throw new InputError(
              `${file}: ${name} is not a ${KINDS.join(
                ' or ',
              )}; templates register nothing else.`,
            );
          }
          if (!e.spec?.owner) {
            throw new InputError(`${file}: ${name} has no spec.owner.`);
          }
          checkOwner(initiator, e.spec.owner);
          const id = e.metadata?.annotations?.['backstage.io/kubernetes-id'];
          if (id) await checkKubernetesIdFree(catalog, id);
        }
        ctx.logger.info(`Registering ${catalogInfoUrl} in the catalog`);
        const refs = await catalog.registerLocation(catalogInfoUrl);
        ctx.logger.info(`Registered ${refs.join(', ')}`);
        await event.success({ meta: { entityRefs: refs } });
        ctx.output('entityRef', refs[0]);
        ctx.output('catalogInfoUrl', catalogInfoUrl);
      } catch (error) {
        await event.fail({ error: error as Error });
        throw error;
      }
    },
  });
}
