import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { resolveSuRates } from '@internal/plugin-jetstream2-kubernetes-common';
import { fakeCollector } from '../../__testUtils__/fakeCollector';
import { toDirectoryView } from '../Allocations/createAllocationDirectory';
import { createSuHistoryStore } from './createSuHistoryStore';
import { createSuSampler } from './createSuSampler';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const MIN = 60_000;

const node = {
  kind: 'Node',
  metadata: {
    name: 'w0',
    labels: { 'node.kubernetes.io/instance-type': 'm3.medium' },
  },
  status: {
    allocatable: { cpu: '8', memory: '30Gi' },
    conditions: [{ type: 'Ready', status: 'True' }],
  },
};
const pod = {
  kind: 'Pod',
  metadata: {
    name: 'api-1',
    namespace: 'science',
    labels: { 'backstage.io/kubernetes-id': 'science-api' },
  },
  spec: {
    nodeName: 'w0',
    containers: [{ name: 'app', resources: { requests: { cpu: '2' } } }],
  },
  status: { phase: 'Running' },
};
const service = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'science-api',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'science-api' },
  },
  spec: { type: 'service', owner: 'data-science' },
};

describe('createSuSampler', () => {
  it('adds the clusters and services measured now to the current bucket, and prunes the old ones', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await createSuHistoryStore({
      database: mockServices.database({ knex }),
    });
    const fake = fakeCollector();
    fake.put('nodes', node);
    fake.put('pods', pod);
    let entities: any[] = [];
    let clock = Date.UTC(2026, 11, 7, 10, 0, 30);
    const sampler = createSuSampler({
      collector: fake.collector,
      directory: { view: async () => toDirectoryView(entities) },
      store,
      rates: resolveSuRates(),
      bucketMs: MIN,
      retentionMs: 10 * MIN,
      now: () => clock,
    });

    // the catalog has not been read yet: nothing is written rather than the whole cluster as nobody's
    expect(await sampler.sample()).toEqual({
      bucketStart: Date.UTC(2026, 11, 7, 10),
      written: 0,
      pruned: 0,
      skipped: true,
    });
    entities = [service];
    expect(await sampler.sample()).toEqual({
      bucketStart: Date.UTC(2026, 11, 7, 10),
      written: 2,
      pruned: 0,
    });
    const rows = await store.readSamples({
      since: 0,
      clusters: ['js2-demo'],
      entityRefs: [],
    });
    // the m3.medium node: 8 SU/h; the pod asks for 2 of its 8 cores: 2 SU/h
    expect(rows).toEqual([
      { at: Date.UTC(2026, 11, 7, 10), cluster: 'js2-demo', suPerHour: 8 },
      {
        at: Date.UTC(2026, 11, 7, 10),
        cluster: 'js2-demo',
        entityRef: 'component:default/science-api',
        suPerHour: 2,
      },
    ]);
    clock += 11 * MIN;
    expect(await sampler.sample()).toMatchObject({ written: 2, pruned: 2 });
  });
});
