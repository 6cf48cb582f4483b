import { createCatalogRegisterAction } from './registerAction';
import {
  deployContext,
  fakeCatalog,
  recordingAuditor,
  userInfo,
} from '../__testUtils__/deploy';

const entity = (
  owner: string,
  kind = 'Component',
  id = 'hello',
) => `apiVersion: backstage.io/v1alpha1
kind: ${kind}
metadata:
  name: hello
  annotations:
    backstage.io/kubernetes-id: ${id}
spec:
  type: service
  owner: ${owner}
`;
const REPO = 'http://127.0.0.1:3400/jetstream2/hello/src/branch/main/';

function setUp(ids: Record<string, string[]> = {}) {
  const { catalog, registered } = fakeCatalog(ids);
  const { auditor, events } = recordingAuditor();
  const action = createCatalogRegisterAction({ catalog, userInfo, auditor });
  return { action, registered, events };
}

describe('jetstream2:catalog:register', () => {
  it("registers a researcher's Component owned by their group, with the scaffolder's credentials, and audits it", async () => {
    const { action, registered, events } = setUp();
    const { ctx } = deployContext(
      'user:default/blake',
      { repoContentsUrl: REPO },
      { 'catalog-info.yaml': entity('data-science') },
    );
    await action.handler(ctx as any);
    expect(registered).toEqual([`${REPO}catalog-info.yaml`]);
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/hello',
    );
    expect(events).toEqual([
      expect.objectContaining({
        eventId: 'catalog-register',
        outcome: 'success',
        meta: expect.objectContaining({
          actor: 'user:default/blake',
          catalogInfoUrl: `${REPO}catalog-info.yaml`,
          entityRefs: ['component:default/hello'],
        }),
      }),
    ]);
  });

  it.each([
    [
      'an entity owned by another group',
      entity('group:default/astro'),
      {},
      'may not create something owned by group:default/astro',
    ],
    [
      'a kind templates do not register',
      entity('data-science', 'Group'),
      {},
      'is not a Component or Resource',
    ],
    [
      'a Kubernetes id another entity uses',
      entity('data-science'),
      { hello: ['component:default/theirs'] },
      'already belongs to component:default/theirs',
    ],
  ])('refuses %s and registers nothing', async (_, file, ids, message) => {
    const { action, registered, events } = setUp(ids);
    const { ctx } = deployContext(
      'user:default/blake',
      { repoContentsUrl: REPO },
      { 'catalog-info.yaml': file },
    );
    await expect(action.handler(ctx as any)).rejects.toThrow(message);
    expect(registered).toEqual([]);
    expect(events[0].outcome).toBe('fail');
  });

  it('lets platform-team register an entity of any owner', async () => {
    const { action, registered } = setUp();
    const { ctx } = deployContext(
      'user:default/avery',
      {
        repoContentsUrl: REPO.slice(0, -1),
        catalogInfoPath: 'catalog-info.yaml',
      },
      { 'catalog-info.yaml': entity('group:default/astro') },
    );
    await action.handler(ctx as any);
    expect(registered).toEqual([`${REPO}catalog-info.yaml`]);
  });
});
