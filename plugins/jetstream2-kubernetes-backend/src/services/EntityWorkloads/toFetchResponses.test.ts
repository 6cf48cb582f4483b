import { byId, ID, obj } from '../../__testUtils__/kubeObjects';
import { ObjectIndex } from '../ClusterCollector/objectIndex';
import { selectEntityObjects } from './selectEntityObjects';
import { toFetchResponses } from './toFetchResponses';

describe('toFetchResponses', () => {
  const index = new ObjectIndex();
  index.upsert('pods', obj('Pod', 'web-1'));
  index.upsert('pods', obj('Pod', 'web-2', { namespace: 'staging' }));
  index.upsert('pods', obj('Pod', 'other', { labels: { [ID]: 'blog' } }));
  index.upsert('deployments', obj('Deployment', 'web'));

  it('turns the selection into upstream FetchResponses, optionally only some types', () => {
    const selected = selectEntityObjects(index, byId, 'shop');
    const all = toFetchResponses(selected);
    expect(all.map(r => r.type)).toContain('configmaps');
    expect(all.find(r => r.type === 'pods')?.resources).toHaveLength(1);
    expect(
      toFetchResponses(selected, ['deployments', 'pods']).map(r => r.type),
    ).toEqual(['pods', 'deployments']);
  });
});
