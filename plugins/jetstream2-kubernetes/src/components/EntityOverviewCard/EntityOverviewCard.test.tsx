import { screen } from '@testing-library/react';
import {
  FakeJetstream2KubernetesApi,
  annotatedEntity,
  emptyWorkloadsResponse,
  plainEntity,
  trainingWorkloadsResponse,
} from '../../__testUtils__';
import { renderWithApi } from '../../__testUtils__/render';
import { EntityOverviewCard } from './EntityOverviewCard';

describe('EntityOverviewCard', () => {
  it('shows pods running, problems and the most useful guide with its reason', async () => {
    await renderWithApi(<EntityOverviewCard />, { entity: annotatedEntity });
    // The Pending pod is on its way, not failing: counted apart, and the line is not red.
    const pods = await screen.findByText('2/3 pods running · 1 starting');
    expect(pods.closest('[data-verdict]')).toHaveAttribute(
      'data-verdict',
      'progressing',
    );
    expect(await screen.findByTestId('live-indicator')).toHaveTextContent(
      /updated/,
    );
    expect(
      screen.getByText('1 of 2 workloads not healthy'),
    ).toBeInTheDocument();
    expect(screen.getByText('1 problem found')).toBeInTheDocument();
    expect(
      screen.getByText(/Costs 6 SU per hour · 4,380 SU per month/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Mostly Deployment science/science-api (4.5 SU per hour)',
      ),
    ).toBeInTheDocument();
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

  it('counts the pods of finished Jobs as done, never as failing', async () => {
    await renderWithApi(<EntityOverviewCard />, {
      entity: annotatedEntity,
      api: new FakeJetstream2KubernetesApi({
        workloads: trainingWorkloadsResponse,
      }),
    });
    const pods = await screen.findByText('1/1 pods running · 2 completed');
    expect(pods.closest('[data-verdict]')).toHaveAttribute(
      'data-verdict',
      'ok',
    );
    expect(screen.getByText('2 workloads healthy')).toBeInTheDocument();
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
