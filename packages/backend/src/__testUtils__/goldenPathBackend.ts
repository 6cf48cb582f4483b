import {
  coreServices,
  createServiceFactory,
  type BackendFeature,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { parseEntityRef } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleTemplateKind from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import permissionPlugin from '@backstage/plugin-permission-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderModuleGitea from '@backstage/plugin-scaffolder-backend-module-gitea';
import request from 'supertest';
import portalPolicyModule, { PLATFORM_TEAM } from '../permissionPolicy';
import type { LocalGitea } from './localGitea';
import { waitFor } from './waitFor';

/** Users of the golden path tests and their groups, as the catalog would resolve them at sign-in. */
export const USERS = {
  /** platform-team: may do everything */
  platform: 'user:default/avery',
  /** a researcher: runs templates, may not register entities (the portal's policy today) */
  researcher: 'user:default/blake',
} as const;
const GROUPS: Record<string, string[]> = {
  [USERS.platform]: [PLATFORM_TEAM],
  [USERS.researcher]: ['group:default/data-science'],
};

const userInfo = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials) {
      const ref = (credentials.principal as { userEntityRef?: string })
        .userEntityRef;
      if (!ref) throw new Error('userInfo asked for a non-user principal');
      return {
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...(GROUPS[ref] ?? [])],
      };
    },
  }),
});

const MOCK_SERVICE_TOKEN_PREFIX = 'Bearer mock-service-token:';

/**
 * The mock httpAuth, plus what the real auth service does with a plugin's call on behalf of a user: the
 * user principal carries the calling plugin as its `actor`. The mock drops it, and the permission backend
 * then refuses the catalog's conditional checks ("Direct user requests without a resourceRef are not
 * allowed"), which the real backend never does.
 */
const httpAuthWithActors = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const mock = mockServices.httpAuth({
      pluginId: plugin.getId(),
      defaultCredentials: mockCredentials.none(),
    });
    return {
      async credentials(req: any, options?: any): Promise<any> {
        const credentials: any = await mock.credentials(req, options);
        const header = String(req.headers.authorization ?? '');
        if (
          credentials.principal.type === 'user' &&
          header.startsWith(MOCK_SERVICE_TOKEN_PREFIX)
        ) {
          const { obo } = JSON.parse(
            header.slice(MOCK_SERVICE_TOKEN_PREFIX.length),
          );
          return mockCredentials.user(obo, {
            actor: { subject: 'plugin:on-behalf-of-user' },
          });
        }
        return credentials;
      },
      issueUserCookie: (res, options) => mock.issueUserCookie(res, options),
    };
  },
});

export interface TaskResult {
  status: string;
  output: Record<string, any>;
  /** The task's log lines, in order. */
  log: string[];
}

/** Fails with the task's log when the task did not complete. */
export function expectCompleted(task: TaskResult) {
  if (task.status !== 'completed') {
    throw new Error(
      `The scaffolder task ended ${task.status}; its log:\n${task.log.join(
        '\n',
      )}`,
    );
  }
}

export interface GoldenPathBackend {
  /** A GET to the backend as that user. */
  get(user: string, path: string): Promise<request.Response>;
  /** Runs a template through POST /api/scaffolder/v2/tasks as that user and waits until the task ends. */
  runTemplate(
    user: string,
    templateRef: string,
    values: Record<string, unknown>,
  ): Promise<TaskResult>;
  stop(): Promise<void>;
}

/**
 * A real backend with what a golden path needs, wired as packages/backend/src/index.ts wires it: the
 * catalog (with the Template kind), the scaffolder with publish:gitea, the permission backend with the
 * portal's own policy, and integrations.gitea pointing at the local Git host. Users authenticate with mock
 * tokens (`mockCredentials.user.header`); add more modules (e.g. an apply action) through `features`.
 */
export async function startGoldenPathBackend(options: {
  gitea: LocalGitea;
  /** Absolute paths of catalog files to load (the templates under test). */
  catalogFiles: string[];
  features?: BackendFeature[];
}): Promise<GoldenPathBackend> {
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleTemplateKind,
      scaffolderPlugin,
      scaffolderModuleGitea,
      permissionPlugin,
      portalPolicyModule,
      userInfo,
      httpAuthWithActors,
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          integrations: { gitea: [options.gitea.integration] },
          scaffolder: {
            defaultAuthor: {
              name: 'Jetstream2 portal',
              email: 'portal@localhost',
            },
          },
          catalog: {
            rules: [
              { allow: ['Component', 'System', 'API', 'Resource', 'Location'] },
            ],
            locations: options.catalogFiles.map(target => ({
              type: 'file',
              target,
              rules: [{ allow: ['Template'] }],
            })),
          },
        },
      }),
      ...(options.features ?? []),
    ],
  });
  const { server } = backend;
  const auth = (user: string) => mockCredentials.user.header(user);
  const get = (user: string, path: string) =>
    request(server).get(path).set('Authorization', auth(user));

  return {
    get,
    async runTemplate(user, templateRef, values) {
      // The catalog loads the template files a moment after start.
      const { kind, namespace, name } = parseEntityRef(templateRef);
      let seen = '';
      await waitFor(
        `template ${templateRef} in the catalog`,
        async () => {
          const res = await get(
            user,
            `/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
          );
          seen = `HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
          return res.status === 200 ? true : undefined;
        },
        { describe: () => seen },
      );
      const created = await request(server)
        .post('/api/scaffolder/v2/tasks')
        .set('Authorization', auth(user))
        .send({ templateRef, values });
      if (created.status !== 201) {
        throw new Error(
          `POST /api/scaffolder/v2/tasks answered ${
            created.status
          }: ${JSON.stringify(created.body)}`,
        );
      }
      const id = created.body.id as string;
      let last = '';
      const task = await waitFor(
        `scaffolder task ${id} to end`,
        async () => {
          const res = await get(user, `/api/scaffolder/v2/tasks/${id}`);
          last = res.body?.status;
          return ['completed', 'failed', 'cancelled'].includes(last)
            ? res.body
            : undefined;
        },
        { timeoutMs: 90_000, describe: () => `status ${last}` },
      );
      const events = (await get(user, `/api/scaffolder/v2/tasks/${id}/events`))
        .body as Array<{
        type: string;
        body?: { message?: unknown; output?: any };
      }>;
      return {
        status: task.status,
        output: events.find(e => e.type === 'completion')?.body?.output ?? {},
        log: events
          .filter(e => e.type === 'log')
          .map(e => String(e.body?.message)),
      };
    },
    stop: () => backend.stop(),
  };
}
