import { byId, shopIndex } from '../../__testUtils__/kubeObjects';
import { selectEntityObjects } from './selectEntityObjects';
import { toFetchResponses } from './toFetchResponses';

describe('toFetchResponses', () => {
  const index = shopIndex();

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
