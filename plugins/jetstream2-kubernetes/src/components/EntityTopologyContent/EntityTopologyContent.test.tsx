import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  FakeJetstream2KubernetesApi,
  annotatedEntity,
  largeTopology,
  plainEntity,
  topologyNodes,
  topologyResponse,
} from '../../__testUtils__';
import { renderWithApi } from '../../__testUtils__/render';
import { EntityTopologyContent } from './EntityTopologyContent';

// The first render transforms the DependencyGraph and MUI on a cold jest cache, which can take longer
// than jest's 5 s default on a busy 2-core machine; this is start-up cost, not a speed target.
jest.setTimeout(30_000);

// jsdom lays nothing out, and the DependencyGraph measures each node with getBBox (as upstream's catalog
// graph tests do, give every SVG element a fixed box; the layout itself is the browser's, in e2e)
beforeAll(() => {
  Object.defineProperty(window.SVGElement.prototype, 'getBBox', {
    configurable: true,
    value: () => ({ x: 0, y: 0, width: 180, height: 64 }),
  });
});
afterAll(() => {
  delete (window.SVGElement.prototype as { getBBox?: unknown }).getBBox;
});

/** A node of the graph by its name, once the DependencyGraph has laid it out and shown it. */
const drawn = (name: RegExp, within_: typeof screen = screen) =>
  within_.findByRole('button', { name }, { timeout: 15_000 });

const node = (id: string) =>
  screen
    .getAllByTestId('topology-node')
    .find(el => el.getAttribute('data-node-id') === id);

describe('EntityTopologyContent', () => {
  it('draws the objects with their verdicts and guides, and names what needs a look first', async () => {
    await renderWithApi(<EntityTopologyContent />, {
      entity: annotatedEntity,
    });
    expect(await screen.findByText('How it fits together')).toBeInTheDocument();
    // every object is a node of the graph, coloured by its verdict
    await waitFor(() =>
      expect(screen.getAllByTestId('topology-node')).toHaveLength(
        topologyResponse.nodes.length,
      ),
    );
    expect(node(topologyNodes.pendingPod.id)).toHaveAttribute(
      'data-verdict',
      'warning',
    );
    // the graph shows itself once the DependencyGraph has laid it out
    expect(await drawn(/^StorageClass cinder-csi, not found; /)).toBe(
      node(topologyNodes.storageClass.id),
    );
    expect(node(topologyNodes.claim.id)).toHaveAccessibleName(
      /guide: .*press Enter for details$/,
    );
    // one panel per cluster and namespace; the cluster that failed says why
    expect(screen.getAllByTestId('topology-panel')).toHaveLength(1);
    expect(
      screen.getByRole('heading', {
        name: 'Cluster js2-demo · namespace science',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/The application credential expired/),
    ).toBeInTheDocument();
    // what needs a look, worst first, as buttons
    const problems = screen.getByRole('list', {
      name: 'Objects that need a look',
    });
    expect(within(problems).getAllByRole('button').length).toBeGreaterThan(0);
    expect(
      within(problems).getByRole('button', {
        name: /^PersistentVolumeClaim results: Pending \(guide: /,
      }),
    ).toBeInTheDocument();
  });

  it('opens the side panel from the keyboard, with the guide, facts, events, concept and the actions slot', async () => {
    const actions = jest.fn(n =>
      n.kind === 'Deployment' ? <button type="button">Restart</button> : null,
    );
    await renderWithApi(<EntityTopologyContent actions={actions} />, {
      entity: annotatedEntity,
    });
    const claim = await drawn(/^PersistentVolumeClaim results; /);
    claim.focus();
    fireEvent.keyDown(claim, { key: 'Enter' });
    const panel = await screen.findByRole('dialog', { name: 'results' });
    expect(
      within(panel).getByText('1 PersistentVolumeClaim waiting for storage'),
    ).toBeInTheDocument();
    expect(
      within(panel).getByRole('button', { name: /^Open the guide: / }),
    ).toHaveAttribute('href', '/jetstream2-kubernetes/guides/k8s-volumes');
    expect(within(panel).getByText('js2-demo')).toBeInTheDocument();
    expect(
      within(panel).getByRole('heading', { name: 'Events' }),
    ).toBeInTheDocument();
    expect(
      within(panel).getByRole('heading', {
        name: /^What is a PersistentVolumeClaim\?$/,
      }),
    ).toBeInTheDocument();
    // the actions slot is asked about the selected object and shows nothing when it gives nothing
    expect(actions).toHaveBeenLastCalledWith(
      expect.objectContaining({ id: topologyNodes.claim.id }),
    );
    expect(
      within(panel).queryByRole('region', { name: 'Actions' }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      within(panel).getByRole('button', { name: 'Close the details' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    // a workload's actions appear in their slot
    await userEvent.click(node(topologyNodes.deployment.id)!);
    const deployment = await screen.findByRole('dialog', {
      name: 'science-api',
    });
    expect(
      within(
        within(deployment).getByRole('region', { name: 'Actions' }),
      ).getByRole('button', { name: 'Restart' }),
    ).toBeInTheDocument();
  });

  it('offers the logs of a pod and the Octavia reason of an address without one', async () => {
    await renderWithApi(<EntityTopologyContent />, {
      entity: annotatedEntity,
    });
    await userEvent.click(await drawn(/^External address /));
    const address = await screen.findByRole('dialog');
    expect(
      within(address).getByText(/^No external address yet\. On Jetstream2/),
    ).toBeVisible();
    await userEvent.click(
      within(address).getByRole('button', { name: 'Close the details' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    await userEvent.click(node(topologyNodes.pendingPod.id)!);
    const pod = await screen.findByRole('dialog', {
      name: 'science-api-7d9f-ghi56',
    });
    // the pod is looked up in the workloads (for its containers) before its logs can open
    await userEvent.click(
      await within(pod).findByRole('button', { name: 'Show the logs' }),
    );
    expect(
      await screen.findByText(/^Logs of science-api-7d9f-ghi56/),
    ).toBeInTheDocument();
  });

  it('folds 600 pods across 3 clusters into counts, and expands one on Enter', async () => {
    const big = largeTopology({
      clusters: ['js2-a', 'js2-b', 'js2-c'],
      podsPerCluster: 200,
      nodesPerCluster: 12,
    });
    await renderWithApi(<EntityTopologyContent />, {
      entity: annotatedEntity,
      api: new FakeJetstream2KubernetesApi({ topology: big }),
    });
    await screen.findByText('How it fits together');
    expect(screen.getAllByTestId('topology-panel')).toHaveLength(3);
    // per cluster: deployment, replica set, service, one fold of 200 pods, one fold per flavor of nodes
    expect(screen.getAllByTestId('topology-node')).toHaveLength(3 * 6);
    const panelA = screen
      .getAllByTestId('topology-panel')
      .find(p => within(p).queryByText(/Cluster js2-a/))!;
    const fold = await drawn(
      /^200 pods of ReplicaSet science-api-7d9f; Needs a look: 180 Running, 20 Pending: cannot be scheduled/,
      within(panelA) as typeof screen,
    );
    fireEvent.keyDown(fold, { key: 'Enter' });
    await waitFor(() =>
      expect(within(panelA).getAllByTestId('topology-node')).toHaveLength(
        5 + 200,
      ),
    );
    await userEvent.click(
      within(panelA).getByRole('button', { name: 'Fold them again' }),
    );
    await waitFor(() =>
      expect(within(panelA).getAllByTestId('topology-node')).toHaveLength(6),
    );
  }, 90_000); // 600 objects through jsdom on a shared 2-core machine: start-up, not a speed target

  it('says so when no cluster holds objects of the entity', async () => {
    await renderWithApi(<EntityTopologyContent />, {
      entity: annotatedEntity,
      api: new FakeJetstream2KubernetesApi({
        topology: { ...topologyResponse, nodes: [], edges: [], insights: [] },
      }),
    });
    expect(
      await screen.findByText('No Kubernetes objects to draw'),
    ).toBeInTheDocument();
  });

  it('asks for the annotation on an entity without it', async () => {
    await renderWithApi(<EntityTopologyContent />, { entity: plainEntity });
    expect(
      await screen.findByText(
        'This entity is not linked to Kubernetes workloads',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('topology-node')).not.toBeInTheDocument();
  });
});
