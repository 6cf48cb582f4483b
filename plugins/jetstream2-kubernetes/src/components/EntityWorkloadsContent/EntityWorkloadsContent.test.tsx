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
jest.setTimeout(60_000);

describe('EntityWorkloadsContent', () => {
  it('opens on what needs attention, then the workloads and the pods', async () => {
    await renderWithApi(<EntityWorkloadsContent />, {
      entity: annotatedEntity,
    });

    // first: the waiting Deployment, in words, with the scheduler's event and the guide for the problem
    const attention = await screen.findByRole('region', {
      name: 'Needs attention (1)',
    });
    expect(
      within(attention).getByRole('heading', {
        name: 'science-api is waiting for CPU',
      }),
    ).toBeInTheDocument();
    const message = '0/3 nodes are available: 3 Insufficient cpu.';
    expect(within(attention).getByText(message)).toBeInTheDocument();
    expect(
      within(attention).getByText(/Event FailedScheduling, 7 times/),
    ).toBeInTheDocument();
    expect(
      within(attention).getByRole('link', { name: /Guide: Create a managed/ }),
    ).toHaveAttribute('href', '/jetstream2-kubernetes/guides/k8s-magnum');

    expect(screen.getByText('Workloads across clusters')).toBeInTheDocument();
    expect(screen.getByText('2/3 ready')).toBeInTheDocument();
    // one cluster with objects: no clusters column
    expect(
      screen.queryByRole('columnheader', { name: 'Clusters' }),
    ).not.toBeInTheDocument();
    // Our pods table with the pods of the cluster that answered
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
  });

  it('shows the cost, the warning events (normal ones behind a button) and the guides that name the problem', async () => {
    await renderWithApi(<EntityWorkloadsContent />, {
      entity: annotatedEntity,
    });
    await screen.findByText('Workloads across clusters');
    const message = '0/3 nodes are available: 3 Insufficient cpu.';
    // What it costs, and the workloads that drive it
    const cost = screen.getByRole('list', { name: 'Cost by workload' });
    expect(
      within(cost).getByTitle('Deployment science/science-api'),
    ).toHaveTextContent('science-api');
    expect(within(cost).getByText(/75%/)).toBeInTheDocument();
    expect(
      screen.getByText('6 SU per hour · 4,380 SU per month'),
    ).toBeInTheDocument();
    // Events: warnings grouped, normal ones behind a button; upstream's per-cluster object view is gone
    const events = screen.getByRole('region', { name: 'Events' });
    expect(within(events).getByText('FailedScheduling')).toBeInTheDocument();
    expect(
      within(events).queryByText('ScalingReplicaSet'),
    ).not.toBeInTheDocument();
    await userEvent.click(
      within(events).getByRole('button', { name: 'Show 2 normal events' }),
    );
    expect(within(events).getByText('ScalingReplicaSet')).toBeInTheDocument();
    expect(screen.queryByText(/^All objects on/)).not.toBeInTheDocument();
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
    // the message shows in the summary and in the events
    expect(screen.getAllByText(message)).toHaveLength(2);
    // The row's first button opens its detail panel with the pod's own events only
    await userEvent.click(within(pendingRow).getAllByRole('button')[0]);
    await waitFor(() => expect(screen.getAllByText(message)).toHaveLength(3));
    expect(screen.getAllByText('Pulled')).toHaveLength(1);
    // Recommended guides name the problem, with the reason one click away
    expect(
      screen.getByText('js2-old refused the portal’s credentials (401).'),
    ).toBeInTheDocument();
    // The failing cluster names the guide that helps
    const alert = screen
      .getAllByRole('alert')
      .find(a => a.textContent?.includes('js2-old'))!;
    expect(within(alert).getByRole('link')).toHaveAttribute(
      'href',
      '/jetstream2-kubernetes/guides/zonca-credentials',
    );
  });

  it('collapses the concepts and the cluster to one line each until opened', async () => {
    await renderWithApi(<EntityWorkloadsContent />, {
      entity: annotatedEntity,
    });
    await screen.findByText('Workloads across clusters');
    // Concepts: collapsed to one line until opened
    const concepts = screen.getByRole('region', {
      name: 'What these objects are',
    });
    expect(
      within(concepts).getByText(/^Pod, Deployment, Service: what each kind/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('article', { name: 'Pod concept' }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      within(concepts).getByRole('button', { name: 'What these objects are' }),
    );
    const podCard = screen.getByRole('article', { name: 'Pod concept' });
    expect(
      within(podCard).getByText('3 Pods: 2 Running, 1 Pending'),
    ).toBeInTheDocument();
    expect(
      within(podCard).getByRole('link', { name: 'Learn about Pod' }),
    ).toHaveAttribute('href', '/jetstream2-kubernetes/concepts/pod');
    // Where it runs: collapsed to a line; the cluster's details load when opened
    const where = screen.getByRole('region', { name: 'Where it runs' });
    expect(
      within(where).getByText(/^js2-demo: 3 pods on 1 node;/),
    ).toBeInTheDocument();
    expect(screen.queryByText('Cluster js2-demo')).not.toBeInTheDocument();
    await userEvent.click(
      within(where).getByRole('button', { name: 'Where it runs' }),
    );
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
    expect(
      within(pod).getByTitle(`${longName} on node js2-demo-worker-1`),
    ).toBeInTheDocument();
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
