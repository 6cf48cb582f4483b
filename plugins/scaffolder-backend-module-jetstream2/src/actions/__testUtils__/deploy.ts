import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AuditorService } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { PortalCatalog } from '../deploy/portalCatalog';

/** The groups of the test users. */
export const GROUPS: Record<string, string[]> = {
  'user:default/avery': ['group:default/platform-team'],
  'user:default/blake': ['group:default/data-science'],
};

export const userInfo = {
  async getUserInfo(credentials: any) {
    const ref = credentials.principal.userEntityRef as string;
    return {
      userEntityRef: ref,
      ownershipEntityRefs: [ref, ...(GROUPS[ref] ?? [])],
    };
  },
};

/** An auditor that keeps each event with how it ended. */
export function recordingAuditor() {
  const events: Array<{
    eventId: string;
    meta: any;
    outcome?: 'success' | 'fail';
    error?: string;
  }> = [];
  const auditor: AuditorService = {
    async createEvent(options) {
      const event: (typeof events)[number] = {
        eventId: options.eventId,
        meta: options.meta,
      };
      events.push(event);
      return {
        async success(o) {
          event.outcome = 'success';
          event.meta = { ...event.meta, ...o?.meta };
        },
        async fail(o) {
          event.outcome = 'fail';
          event.error = o.error.message;
        },
      };
    },
  };
  return { auditor, events };
}

/** A catalog with fixed kubernetes-id owners that records what it registers. */
export function fakeCatalog(ids: Record<string, string[]> = {}) {
  const registered: string[] = [];
  const catalog: PortalCatalog = {
    entitiesWithKubernetesId: async id => ids[id] ?? [],
    async registerLocation(target) {
      registered.push(target);
      return ['component:default/hello'];
    },
  };
  return { catalog, registered };
}

/** A workspace with these files, and a context as that user from template `template`. */
export function deployContext(
  user: string,
  input: Record<string, unknown>,
  files: Record<string, string>,
  template = 'jetstream2-deploy-service',
) {
  const workspacePath = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-'));
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(workspacePath, f)), {
      recursive: true,
    });
    fs.writeFileSync(path.join(workspacePath, f), text);
  }
  const logger = mockServices.logger.mock();
  const ctx = createMockActionContext({
    input: input as any,
    workspacePath,
    logger,
    templateInfo: {
      entityRef: `template:default/${template}`,
      entity: { metadata: { name: template } },
    } as any,
  });
  ctx.getInitiatorCredentials = async () => mockCredentials.user(user);
  return { ctx, logger, workspacePath };
}
