import type { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { screen, within } from '@testing-library/react';
import {
  clusterAllocationResponse,
  FakeJetstream2KubernetesApi,
} from '../../__testUtils__';
import { renderWithApi } from '../../__testUtils__/render';
import { AllocationPage } from './AllocationPage';

const allocationEntity = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default' },
  spec: { type: 'jetstream2-allocation', owner: 'science-gateways' },
});

describe('AllocationPage', () => {
  it('puts the runway first, with the burn it comes from and the way to more SUs', async () => {
    await renderWithApi(<AllocationPage />, {
      entity: allocationEntity('science-gateways-allocation'),
    });
    expect(
      await screen.findByText('Lasts until 17 December 2026, 10 days'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /At 5 SU per hour, the mean of the last 7 days \(24 hours measured\)\. Burning 4 SU per hour right now\./,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Below the 30 days this portal warns at/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Request more SUs in ACCESS/ }),
    ).toHaveAttribute('href', 'https://allocations.access-ci.org/');
    expect(
      screen.getByRole('img', {
        name: /^SU burn of allocation cis240017: 24 samples/,
      }),
    ).toBeInTheDocument();
  });

  it('lists the spenders with the runway without each, and says a service allocation pays no nodes', async () => {
    await renderWithApi(<AllocationPage />, {
      entity: allocationEntity('science-gateways-allocation'),
    });
    const services = await screen.findByRole('table', {
      name: 'Burn by service',
    });
    const rows = within(services).getAllByRole('row').slice(1);
    expect(rows.map(r => r.textContent)).toEqual([
      'JupyterHub3 SU60%25 days',
      'BinderHub2 SU40%16 days',
    ]);
    const clusters = screen.getByRole('table', { name: 'Burn by cluster' });
    expect(within(clusters).getAllByRole('row')[1]).toHaveTextContent(
      "js2-demoits services' pods5 SU100%",
    );
    expect(
      screen.getByText(/This allocation pays for its services/),
    ).toBeInTheDocument();
  });

  it('shows what removing idle nodes would change for the allocation that pays for them', async () => {
    const api = new FakeJetstream2KubernetesApi({
      allocations: {
        'research-computing-allocation': clusterAllocationResponse,
      },
    });
    await renderWithApi(<AllocationPage />, {
      api,
      entity: allocationEntity('research-computing-allocation'),
    });
    expect(
      await screen.findByText(
        "60 SU per hour, 75% of what its clusters' nodes cost now, pays for capacity no pod asks for.",
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Draining 1 node and moving its pods to the others would save 16 SU per hour: the balance would last until 12 April 2027, 126 days.',
      ),
    ).toBeInTheDocument();
    const nodes = screen.getByRole('list', { name: 'Nodes that could go' });
    expect(nodes).toHaveTextContent('js2-demo-worker-1 (m3.large, 16 SU/h)');
    expect(
      screen.getByText(
        /179,250 SU left: 180,000 SU on 7 December 2026 \(ACCESS\) less 750 SU/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Below the .* days/)).not.toBeInTheDocument();
  });

  it('says why an allocation may not be read', async () => {
    const refusal = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'NotAllowedError',
            message:
              'You are not allowed to read the allocation resource:default/x: only members of the group that owns it and the platform team are',
          },
        }),
        {
          status: 403,
          statusText: 'Forbidden',
          headers: { 'Content-Type': 'application/json' },
        },
      ),
    );
    const api = new FakeJetstream2KubernetesApi({
      allocations: () => {
        throw refusal;
      },
    });
    await renderWithApi(<AllocationPage />, {
      api,
      entity: allocationEntity('x'),
    });
    expect(
      await screen.findByText('Error: Could not load this allocation'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(
        /only members of the group that owns it and the platform team are/,
      ).length,
    ).toBeGreaterThan(0);
  });
});
