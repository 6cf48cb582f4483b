import type {
  ApplyRequest,
  WorkloadWriter,
} from '@internal/plugin-jetstream2-kubernetes-node';
import { WriteError } from '@internal/plugin-jetstream2-kubernetes-node';
import { clusterName, createKubernetesApplyAction } from './applyAction';
import {
  deployContext,
  fakeCatalog,
  recordingAuditor,
  userInfo,
} from '../__testUtils__/deploy';

const manifest = (name: string, id = name) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    backstage.io/kubernetes-id: ${id}
spec: {}
`;

/** A writer that records its requests and reports each object created and every rollout done. */
function recordingWriter(fail?: WriteError) {
  const requests: ApplyRequest[] = [];
  const writer: WorkloadWriter = {
    clusters: () => [{ cluster: 'js2-demo', namespaces: ['apps', 'ml'] }],
    async apply(request) {
      requests.push(request);
      if (fail) throw fail;
      return request.objects.map(o => ({
        apiVersion: o.apiVersion,
        kind: o.kind,
        namespace: request.namespace,
        name: o.metadata.name,
        result: 'created' as const,
      }));
    },
    async rolloutStatus(r) {
      return { ...r, desired: 2, updated: 2, ready: 2, done: true };
    },
  };
  return { writer, requests };
}

function setUp(
  opts: { fail?: WriteError; ids?: Record<string, string[]> } = {},
) {
  const { writer, requests } = recordingWriter(opts.fail);
  const { auditor, events } = recordingAuditor();
  const action = createKubernetesApplyAction({
    writer,
    catalog: fakeCatalog(opts.ids).catalog,
    userInfo,
    auditor,
    deployNamespaces: t => (t === 'jetstream2-deploy-service' ? ['apps'] : []),
    rolloutWaitMs: 1000,
  });
  return { action, requests, events };
}

const input = (over: Record<string, unknown> = {}) => ({
  cluster: 'resource:default/js2-demo',
  namespace: 'apps',
  kubernetesId: 'hello',
  owner: 'data-science',
  entityRef: 'component:default/hello',
  path: 'k8s',
  ...over,
});

describe('jetstream2:kubernetes:apply', () => {
  it('reads the cluster name from a Resource ref or a plain name', () => {
    expect(clusterName('resource:default/js2-demo')).toBe('js2-demo');
    expect(clusterName('js2-demo')).toBe('js2-demo');
  });

  it("applies a researcher's manifests in the template's namespace, logs each object and its rollout, and audits the write", async () => {
    const { action, requests, events } = setUp();
    const { ctx, logger } = deployContext('user:default/blake', input(), {
      'k8s/deployment.yaml': manifest('hello'),
    });
    await action.handler(ctx as any);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      cluster: 'js2-demo',
      namespace: 'apps',
    });
    expect(requests[0].objects.map(o => o.metadata.name)).toEqual(['hello']);
    expect(ctx.output).toHaveBeenCalledWith('objects', [
      'Deployment apps/hello created',
    ]);
    expect(logger.info).toHaveBeenCalledWith(
      'Deployment apps/hello: 2 of 2 pod(s) ready',
    );
    expect(events).toEqual([
      {
        eventId: 'kubernetes-apply',
        outcome: 'success',
        meta: expect.objectContaining({
          actor: 'user:default/blake',
          cluster: 'js2-demo',
          namespace: 'apps',
          kubernetesId: 'hello',
          objects: ['Deployment apps/hello created'],
        }),
      },
    ]);
  });

  it.each([
    [
      'an owner that is not one of their groups',
      input({ owner: 'group:default/astro' }),
      'user:default/blake may not create something owned by group:default/astro: only members of group:default/astro (or of group:default/platform-team) may.',
    ],
    [
      "a namespace outside the template's list",
      input({ namespace: 'ml' }),
      'Template "jetstream2-deploy-service" may deploy only into "apps" for you, not "ml"',
    ],
  ])(
    'refuses a researcher %s, audited as failed, before any write',
    async (_, given, message) => {
      const { action, requests, events } = setUp();
      const { ctx } = deployContext('user:default/blake', given, {
        'k8s/deployment.yaml': manifest('hello'),
      });
      await expect(action.handler(ctx as any)).rejects.toThrow(message);
      expect(requests).toEqual([]);
      expect(events).toEqual([
        expect.objectContaining({
          outcome: 'fail',
          error: expect.stringContaining(message),
        }),
      ]);
    },
  );

  it('lets platform-team deploy into any namespace (the writer still checks its own list)', async () => {
    const { action, requests } = setUp();
    const { ctx } = deployContext(
      'user:default/avery',
      input({ namespace: 'ml', owner: 'group:default/astro' }),
      { 'k8s/deployment.yaml': manifest('hello') },
    );
    await action.handler(ctx as any);
    expect(requests[0].namespace).toBe('ml');
  });

  it('refuses a Kubernetes id another catalog entity uses, even for platform-team', async () => {
    const { action, requests } = setUp({
      ids: { hello: ['component:default/hello', 'component:default/other'] },
    });
    const { ctx } = deployContext('user:default/avery', input(), {
      'k8s/deployment.yaml': manifest('hello'),
    });
    await expect(action.handler(ctx as any)).rejects.toThrow(
      'The Kubernetes id "hello" already belongs to component:default/other in the catalog',
    );
    expect(requests).toEqual([]);
  });

  it('refuses a manifest without the Kubernetes id label, naming the file', async () => {
    const { action, requests } = setUp();
    const { ctx } = deployContext('user:default/blake', input(), {
      'k8s/deployment.yaml': manifest('hello'),
      'k8s/extra.yaml': manifest('sneaky', 'other'),
    });
    await expect(action.handler(ctx as any)).rejects.toThrow(
      'Deployment "sneaky" in k8s/extra.yaml lacks the label backstage.io/kubernetes-id: hello',
    );
    expect(requests).toEqual([]);
  });

  it("fails the step with the writer's message (an InputError) and audits it", async () => {
    const { action, events } = setUp({
      fail: new WriteError(
        'invalid',
        'js2-demo',
        'Cluster "js2-demo" rejected Deployment apps/hello: bad',
      ),
    });
    const { ctx } = deployContext('user:default/blake', input(), {
      'k8s/deployment.yaml': manifest('hello'),
    });
    const error = await action.handler(ctx as any).catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).toBe(
      'Cluster "js2-demo" rejected Deployment apps/hello: bad',
    );
    expect(events[0]).toMatchObject({ outcome: 'fail', error: error.message });
  });
});
