import { screen, waitFor, within } from '@testing-library/react';
import { ResponseError } from '@backstage/errors';
import userEvent from '@testing-library/user-event';
import {
  FakeJetstream2KubernetesApi,
  annotatedEntity,
  emptyWorkloadsResponse,
  plainEntity,
  trainingWorkloadsResponse,
} from '../../__testUtils__';
import { renderWithApi } from '../../__testUtils__/render';
import { EntityWorkloadsContent } from './EntityWorkloadsContent';

// The first render transforms and loads the lazily imported page on a cold jest cache, which can take
// longer than jest's 5 s default on a busy 2-core machine; this is start-up cost, not a speed target.
jest.setTimeout(30_000);

describe('EntityWorkloadsContent', () => {
  it('shows workloads across clusters, pods, concept cards, guides and the cluster context', async () => {
    await renderWithApi(<EntityWorkloadsContent />, {
      entity: annotatedEntity,
    });

    expect(
      await screen.findByText('Workloads across clusters'),
    ).toBeInTheDocument();
    expect(screen.getByText('2/3 ready')).toBeInTheDocument();
    // Upstream PodsTable with the pods of the cluster that answered
    expect(screen.getByText('Pods on js2-demo')).toBeInTheDocument();
    expect(screen.getByText('science-api-7d9f-ghi56')).toBeInTheDocument();
    // Our status beside upstream's drawer: the Pending pod is on its way, not "OK"
    const pending = screen.getByText('science-api-7d9f-ghi56').closest('tr')!;
    expect(within(pending).getByText('Pending')).toBeInTheDocument();
    expect(within(pending).queryByText('OK')).not.toBeInTheDocument();
    expect(
      within(pending).getByText('Pending').closest('[data-verdict]'),
    ).toHaveAttribute('data-verdict', 'progressing');
    expect(await screen.findByTestId('live-indicator')).toHaveTextContent(
      /updated/,
    );
    // Concept cards with live counts and links
    const podCard = screen.getByRole('article', { name: 'Pod concept' });
    expect(
      within(podCard).getByText('3 Pods: 2 Running, 1 Pending'),
    ).toBeInTheDocument();
    expect(
      within(podCard).getByRole('link', { name: 'Learn about Pod' }),
    ).toHaveAttribute('href', '/jetstream2-kubernetes/concepts/pod');
    expect(
      screen.getByRole('article', { name: 'Deployment concept' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('article', { name: 'Service concept' }),
    ).toBeInTheDocument();
    // What it costs, and the workloads that drive it
    const cost = screen.getByRole('table', { name: 'Cost by workload' });
    expect(
      within(cost).getByTitle('Deployment science/science-api'),
    ).toHaveTextContent('science-api');
    expect(within(cost).getByText('75%')).toBeInTheDocument();
    expect(
      screen.getByText('6 SU per hour · 4,380 SU per month'),
    ).toBeInTheDocument();
    // All events of the entity's objects, and each pod's own in its row's panel
    const events = screen
      .getByRole('heading', { name: 'Events' })
      .closest('[class*="MuiPaper"]') as HTMLElement;
    expect(within(events).getByText('ScalingReplicaSet')).toBeInTheDocument();
    expect(within(events).getByText('FailedScheduling')).toBeInTheDocument();
    const pendingRow = screen
      .getByText('science-api-7d9f-ghi56')
      .closest('tr')!;
    expect(within(pendingRow).getByText('1 (1 warning)')).toBeInTheDocument();
    // Logs through our route, offered from our pods table
    expect(
      within(pendingRow).getByRole('button', {
        name: 'Logs of science-api-7d9f-ghi56',
      }),
    ).toBeInTheDocument();
    const message = '0/3 nodes are available: 3 Insufficient cpu.';
    expect(screen.getAllByText(message)).toHaveLength(1);
    // The row's first button opens its detail panel with the pod's own events only
    await userEvent.click(within(pendingRow).getAllByRole('button')[0]);
    await waitFor(() => expect(screen.getAllByText(message)).toHaveLength(2));
    expect(screen.getAllByText('Pulled')).toHaveLength(1);
    // Recommended guides with the reason
    expect(screen.getByText(/Why: js2-old refused/)).toBeInTheDocument();
    // The failing cluster names the guide that helps
    const alert = screen
      .getAllByRole('alert')
      .find(a => a.textContent?.includes('js2-old'))!;
    expect(within(alert).getByRole('link')).toHaveAttribute(
      'href',
      '/jetstream2-kubernetes/guides/zonca-credentials',
    );
    // Cluster context: nodes with flavors, control plane components
    expect(await screen.findByText('Cluster js2-demo')).toBeInTheDocument();
    expect(screen.getByText('m3.medium')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'etcd (cluster store)' }),
    ).toHaveAttribute('href', '/jetstream2-kubernetes/concepts/etcd');
    expect(screen.getByText('The API server reaches etcd')).toBeInTheDocument();
  });

  it('reads Succeeded pods and Complete Jobs as done, with names on one line', async () => {
    await renderWithApi(<EntityWorkloadsContent />, {
      entity: annotatedEntity,
      api: new FakeJetstream2KubernetesApi({
        workloads: trainingWorkloadsResponse,
      }),
    });
    const job = (await screen.findByText('prepare-data')).closest('tr')!;
    expect(
      within(job).getByText('Completed').closest('[data-verdict]'),
    ).toHaveAttribute('data-verdict', 'done');
    const longName = 'prepare-data-with-a-very-long-name-that-keeps-going-q9';
    const pod = screen.getByText(longName).closest('tr')!;
    expect(within(pod).getByTitle(longName)).toBeInTheDocument();
    expect(
      within(pod).getByText('Completed').closest('[data-verdict]'),
    ).toHaveAttribute('data-verdict', 'done');
    expect(within(pod).queryByText(/Failing|Error/)).not.toBeInTheDocument();
  });

  it('says why an annotated entity has no objects', async () => {
    await renderWithApi(<EntityWorkloadsContent />, {
      entity: annotatedEntity,
      api: new FakeJetstream2KubernetesApi({
        workloads: emptyWorkloadsResponse,
      }),
    });
    expect(
      await screen.findByText('No Kubernetes objects found for this entity'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('backstage.io/kubernetes-id=science-api'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Clusters searched: js2-demo, js2-old/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Answered with an error: js2-old \(unauthorized\)/),
    ).toBeInTheDocument();
  });

  it('explains the annotation for an entity without one', async () => {
    await renderWithApi(<EntityWorkloadsContent />, { entity: plainEntity });
    expect(
      await screen.findByText(
        'This entity is not linked to Kubernetes workloads',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Pod' })).toHaveAttribute(
      'href',
      '/jetstream2-kubernetes/concepts/pod',
    );
    expect(
      screen.getByRole('link', { name: /Run and expose applications/ }),
    ).toHaveAttribute('href', '/jetstream2-kubernetes/guides/k8s-manage-apps');
  });

  it('shows the server error when the workloads cannot be loaded', async () => {
    const api = new FakeJetstream2KubernetesApi();
    api.getEntityWorkloads = async () => {
      throw await ResponseError.fromResponse(
        new Response(
          JSON.stringify({ error: { name: 'Error', message: 'boom' } }),
          {
            status: 503,
            statusText: 'Service Unavailable',
            headers: { 'Content-Type': 'application/json' },
          },
        ),
      );
    };
    await renderWithApi(<EntityWorkloadsContent />, {
      entity: annotatedEntity,
      api,
    });
    expect(
      await screen.findByText(/Could not load this entity's workloads/),
    ).toBeInTheDocument();
  });
});
