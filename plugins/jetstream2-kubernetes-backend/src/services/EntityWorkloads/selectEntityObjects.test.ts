import { byId, shopIndex } from '../../__testUtils__/kubeObjects';
import { selectEntityObjects } from './selectEntityObjects';

describe('selectEntityObjects', () => {
  const index = shopIndex();

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
