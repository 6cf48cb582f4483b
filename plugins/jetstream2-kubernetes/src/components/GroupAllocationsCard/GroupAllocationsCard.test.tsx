import type { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { jetstream2KubernetesApiRef } from '../../api';
import {
  allocationResponse,
  FakeJetstream2KubernetesApi,
} from '../../__testUtils__';
import { GroupAllocationsCard } from './GroupAllocationsCard';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'science-gateways',
    namespace: 'default',
    title: 'Science gateways',
  },
  spec: { type: 'team', children: [] },
};
const allocation = (name: string, title: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default', title },
  spec: { type: 'jetstream2-allocation', owner: 'science-gateways' },
});

async function renderCard(items: Entity[], refuse: string[] = []) {
  const refusal = await ResponseError.fromResponse(
    new Response(
      JSON.stringify({ error: { name: 'NotAllowedError', message: 'no' } }),
      {
        status: 403,
        headers: { 'Content-Type': 'application/json' },
      },
    ),
  );
  const catalogApi = { getEntities: jest.fn(async () => ({ items })) };
  const api = new FakeJetstream2KubernetesApi({
    allocations: a => {
      if (refuse.includes(a.name)) throw refusal;
      return {
        ...allocationResponse,
        runwayDays: a.name === 'long' ? 300 : 10,
      };
    },
  });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [catalogApiRef, catalogApi],
        [jetstream2KubernetesApiRef, api],
      ]}
    >
      <EntityProvider entity={group}>
        <GroupAllocationsCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return catalogApi;
}

describe('GroupAllocationsCard', () => {
  it("lists the group's allocations, shortest runway first, and what may not be read", async () => {
    const catalogApi = await renderCard(
      [
        allocation('long', 'Long allocation'),
        allocation('short', 'Short allocation'),
        allocation('secret', 'Secret allocation'),
      ],
      ['secret'],
    );
    const list = await screen.findByRole('list', {
      name: 'Allocations of Science gateways',
    });
    const rows = within(list).getAllByRole('listitem');
    expect(
      rows.map(r => within(r).getAllByRole('link')[0].textContent),
    ).toEqual(['Short allocation', 'Long allocation', 'Secret allocation']);
    expect(rows[0]).toHaveTextContent('Lasts until 17 December 2026, 10 days');
    expect(rows[2]).toHaveTextContent(
      'Only members of the owning group and the platform team see its balance.',
    );
    expect(within(rows[0]).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/resource/short/allocation',
    );
    expect(catalogApi.getEntities).toHaveBeenCalledWith(
      expect.objectContaining({
        filter: {
          kind: 'Resource',
          'spec.type': 'jetstream2-allocation',
          'relations.ownedBy': ['group:default/science-gateways'],
        },
      }),
    );
  });

  it('says when the group owns no allocation', async () => {
    await renderCard([]);
    expect(
      await screen.findByText(/This group owns no Jetstream2 allocation/),
    ).toBeInTheDocument();
  });
});
