import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { gunzipSync } from 'node:zlib';
import {
  entityPod,
  fakeCollector,
  scienceApi,
} from '../../__testUtils__/fakeCollector';
import { node, service } from './__fixtures__/kubeObjects';
import { createTopologyService } from './createTopologyService';

// The service over a real ObjectIndex behind a minimal collector: the same access check as the workloads
// view, and a topology made once and served until something it shows changes.

const ref = { kind: 'component', namespace: 'default', name: 'science-api' };
const id = { 'backstage.io/kubernetes-id': 'science-api' };

function setup(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const fake = fakeCollector();
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([{ result }]);
  const topology = createTopologyService({
    catalog: catalogServiceMock({ entities: [scienceApi() as any] }),
    auth: mockServices.auth(),
    permissions,
    collector: fake.collector,
  });
  const credentials = mockCredentials.user();
  return {
    ...fake,
    topology,
    permissions,
    view: (r = ref) => topology.getTopologyView(r, { credentials }),
  };
}

const podOn = (name: string, nodeName?: string) => {
  const p = entityPod(name, 'science-api');
  if (nodeName) p.spec.nodeName = nodeName;
  return p;
};

describe('createTopologyService', () => {
  it('serves the topology from the cache, the same view while nothing of it changes', async () => {
    const s = setup();
    s.put('nodes', node('js2-demo-worker-0', 'm3.medium'));
    s.put('pods', podOn('api-1', 'js2-demo-worker-0'));
    s.put('services', service('api', 'science', id, { selector: id }));
    const first = await s.view();
    const body = JSON.parse(first.body);
    expect(body.entityRef).toBe('component:default/science-api');
    expect(body.clusters).toEqual([{ cluster: 'js2-demo', status: 'ok' }]);
    expect(
      body.edges.map((e: any) => `${e.from} ${e.type} ${e.to}`).sort(),
    ).toEqual([
      'js2-demo/Pod/science/api-1 runs-on js2-demo/Node//js2-demo-worker-0',
      'js2-demo/Service/science/api selects js2-demo/Pod/science/api-1',
    ]);
    expect(JSON.parse(gunzipSync(first.gzipped()).toString())).toEqual(body);
    // another service's pods change: nothing to remake
    s.put('pods', entityPod('other-1', 'other'));
    expect(await s.view()).toBe(first);
  });

  it('makes a new topology when one of its objects changes (a pod scheduled, a pod added)', async () => {
    const s = setup();
    s.put('nodes', node('js2-demo-worker-0', 'm3.medium'));
    s.put('pods', podOn('api-1'));
    const first = await s.view();
    expect(JSON.parse(first.body).edges).toEqual([]);
    s.put('pods', podOn('api-1', 'js2-demo-worker-0'));
    s.put('pods', podOn('api-2', 'js2-demo-worker-0'));
    const second = await s.view();
    expect(second.etag).not.toBe(first.etag);
    expect(JSON.parse(second.body).edges).toHaveLength(2);
  });

  it('remakes a topology ahead of the page when the change notices ask, and follows the entity', async () => {
    const s = setup();
    s.put('pods', podOn('api-1'));
    const first = await s.view();
    expect(s.topology.watchedEntities()).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/science-api',
        namespace: undefined,
      }),
    ]);
    s.put('pods', podOn('api-2'));
    expect(
      await s.topology.refreshViews(['component:default/science-api']),
    ).toBe(1);
    const refreshed = await s.view();
    expect(refreshed).not.toBe(first);
    expect(JSON.parse(refreshed.body).nodes).toHaveLength(2);
    // nothing changed since: nothing to remake
    expect(
      await s.topology.refreshViews(['component:default/science-api']),
    ).toBe(0);
  });

  it('checks the workloads permission on the entity before anything is read', async () => {
    const s = setup(AuthorizeResult.DENY);
    s.put('pods', podOn('api-1'));
    await expect(s.view()).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        'You are not allowed to read the Kubernetes workloads of component:default/science-api',
    });
    expect(s.permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'jetstream2-kubernetes.workloads.read',
          }),
          resourceRef: 'component:default/science-api',
        },
      ],
      expect.anything(),
    );
    expect(s.topology.watchedEntities()).toEqual([]);
  });

  it('answers NotFoundError for an entity the catalog does not have', async () => {
    const s = setup();
    await expect(s.view({ ...ref, name: 'nobody' })).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });
});
