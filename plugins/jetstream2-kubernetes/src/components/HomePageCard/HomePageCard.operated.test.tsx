import type { EntityWorkloadsResponse } from '@internal/plugin-jetstream2-kubernetes-common';
import { screen, within } from '@testing-library/react';
import {
  cluster,
  failing,
  healthy,
  renderCard,
  service,
} from '../../__testUtils__/homePageCard';

// The home card for people who operate clusters (their groups own kubernetes-cluster Resources).
describe('HomePageCard for cluster operators', () => {
  it("lists, for someone who operates a cluster, the other groups' unhealthy services on it", async () => {
    const onOtherCluster: EntityWorkloadsResponse = {
      ...failing,
      workloads: failing.workloads.map(w => ({
        ...w,
        clusters: ['elsewhere'],
      })),
    };
    await renderCard({
      ownershipEntityRefs: [
        'user:default/guest',
        'group:default/platform-team',
      ],
      entities: [service('binderhub', 'BinderHub')],
      clusters: [cluster('js2-demo')],
      all: [
        service('binderhub', 'BinderHub'),
        service('science-api', 'Science API'),
        service('gpu-training', 'GPU training'),
        service('other', 'Elsewhere'),
      ],
      byName: {
        binderhub: healthy,
        'science-api': failing,
        'gpu-training': healthy,
        other: onOtherCluster,
      },
    });
    const own = await screen.findByRole('list', {
      name: 'Your services on Kubernetes',
    });
    expect(within(own).getAllByRole('listitem')).toHaveLength(1);
    const operated = screen.getByRole('list', {
      name: 'Unhealthy services on the clusters you operate',
    });
    const rows = within(operated).getAllByRole('listitem');
    // only the failing one on js2-demo: not the healthy one, not the one elsewhere, not the user's own
    expect(
      rows.map(r => within(r).getAllByRole('link')[0].textContent),
    ).toEqual(['Science API']);
    expect(
      within(rows[0]).getByText(
        'On js2-demo: 1 of 2 workloads need attention: Deployment trainer CrashLoopBackOff',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', {
        name: 'Unhealthy on the clusters you operate (js2-demo)',
      }),
    ).toBeInTheDocument();
  });

  it('says so when nothing is unhealthy on the clusters someone operates', async () => {
    await renderCard({
      entities: [service('science-api', 'Science API')],
      clusters: [cluster('js2-demo')],
      all: [
        service('science-api', 'Science API'),
        service('gpu-training', 'GPU training'),
      ],
      byName: { 'science-api': healthy, 'gpu-training': healthy },
    });
    expect(
      await screen.findByText(
        "No other group's service needs attention on js2-demo.",
      ),
    ).toBeInTheDocument();
  });

  it('shows nothing of the kind to someone who operates no cluster', async () => {
    const catalogApi = await renderCard({
      entities: [service('science-api', 'Science API')],
      byName: { 'science-api': healthy },
    });
    await screen.findByRole('list', { name: 'Your services on Kubernetes' });
    expect(screen.queryByText(/clusters you operate/)).not.toBeInTheDocument();
    // only queries of what the user's groups own (services, clusters, allocations): none of everyone's
    const filters = catalogApi.getEntities.mock.calls.flatMap(
      ([request]: any[]) => [request.filter].flat(),
    );
    expect(filters.length).toBeGreaterThan(0);
    expect(filters.filter(f => !f['relations.ownedBy'])).toEqual([]);
  });
});
