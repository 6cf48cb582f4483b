import type { KubeObject } from '@internal/plugin-jetstream2-kubernetes-common';
import { byId, ID, obj } from '../../__testUtils__/kubeObjects';
import { ObjectIndex } from '../ClusterCollector/objectIndex';
import { selectEntityObjects } from './selectEntityObjects';

describe('selectEntityObjects', () => {
  const index = new ObjectIndex();
  index.upsert('pods', obj('Pod', 'web-1'));
  index.upsert('pods', obj('Pod', 'web-2', { namespace: 'staging' }));
  index.upsert('pods', obj('Pod', 'other', { labels: { [ID]: 'blog' } }));
  index.upsert('deployments', obj('Deployment', 'web'));
  index.upsert('nodes', {
    kind: 'Node',
    metadata: { name: 'n', labels: { [ID]: 'shop' } },
  });
  index.upsert(
    'events',
    obj('Event', 'e', { labels: { [ID]: 'shop' } }) as KubeObject,
  );

  it('selects the entity types by label, in every namespace or one', () => {
    const all = selectEntityObjects(index, byId);
    expect(all.pods?.map(p => p.metadata?.name).sort()).toEqual([
      'web-1',
      'web-2',
    ]);
    expect(all.deployments).toHaveLength(1);
    // Only types an entity can own: never nodes or events.
    expect(all.nodes).toBeUndefined();
    expect(all.events).toBeUndefined();

    const staging = selectEntityObjects(index, byId, 'staging');
    expect(staging.pods?.map(p => p.metadata?.name)).toEqual(['web-2']);
    expect(staging.deployments).toEqual([]);
  });
});
