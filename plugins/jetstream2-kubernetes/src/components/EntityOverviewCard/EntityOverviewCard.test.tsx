import { screen } from '@testing-library/react';
import {
  FakeJetstream2KubernetesApi,
  annotatedEntity,
  emptyWorkloadsResponse,
  plainEntity,
} from '../../testUtils';
import { renderWithApi } from '../../testUtils/render';
import { EntityOverviewCard } from './EntityOverviewCard';

describe('EntityOverviewCard', () => {
  it('shows pods running, problems and the most useful guide with its reason', async () => {
    await renderWithApi(<EntityOverviewCard />, { entity: annotatedEntity });
    expect(await screen.findByText('2/3 pods running')).toBeInTheDocument();
    expect(
      screen.getByText('1 of 2 workloads not healthy'),
    ).toBeInTheDocument();
    expect(screen.getByText('1 problem found')).toBeInTheDocument();
    expect(screen.getByText('1 cluster could not be read')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Update|credential/i }),
    ).toHaveAttribute(
      'href',
      '/jetstream2-kubernetes/guides/zonca-credentials',
    );
    expect(
      screen.getByText('js2-old refused the portal’s credentials (401).'),
    ).toBeInTheDocument();
  });

  it('falls back to the basics guide when nothing is recommended', async () => {
    await renderWithApi(<EntityOverviewCard />, {
      entity: annotatedEntity,
      api: new FakeJetstream2KubernetesApi({
        workloads: emptyWorkloadsResponse,
      }),
    });
    expect(await screen.findByText('No pods found')).toBeInTheDocument();
    expect(screen.getByText(/Start here/)).toBeInTheDocument();
  });

  it('explains the annotation for an entity without one', async () => {
    await renderWithApi(<EntityOverviewCard />, { entity: plainEntity });
    expect(
      await screen.findByText(/to see this entity's workloads/),
    ).toBeInTheDocument();
  });
});
