import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeJetstream2KubernetesApi } from '../../__testUtils__';
import { renderWithApi } from '../../__testUtils__/render';
import { Route, Routes } from 'react-router-dom';
import { Jetstream2KubernetesPage } from './Jetstream2KubernetesPage';

// The first render transforms and loads the lazily imported page on a cold jest cache, which can take
// longer than jest's 5 s default on a busy 2-core machine; this is start-up cost, not a speed target.
jest.setTimeout(60_000);

// The page is mounted at /jetstream2-kubernetes by renderWithApi's mountedRoutes; render it there.
const page = (path: string, api = new FakeJetstream2KubernetesApi()) =>
  renderWithApi(
    <Routes>
      <Route
        path="/jetstream2-kubernetes/*"
        element={<Jetstream2KubernetesPage />}
      />
    </Routes>,
    { routeEntries: [path], api },
  );

describe('Jetstream2KubernetesPage', () => {
  it('lists guides and filters them by concept', async () => {
    await page('/jetstream2-kubernetes');
    const list = await screen.findByRole('list', { name: 'Guides' });
    expect(
      within(list).getByRole('link', { name: /Manila/ }),
    ).toBeInTheDocument();
    const before = within(list).getAllByRole('listitem').length;

    await userEvent.click(screen.getByLabelText('Concept'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'etcd (cluster store)' }),
    );

    const filtered = await screen.findByRole('list', { name: 'Guides' });
    expect(
      within(filtered).queryByRole('link', { name: /Manila/ }),
    ).not.toBeInTheDocument();
    const items = within(filtered).getAllByRole('listitem');
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(before);
    for (const item of items) {
      expect(
        within(item).getByRole('link', { name: 'etcd (cluster store)' }),
      ).toBeInTheDocument();
    }
  });

  it('reads guides from the bundled catalogue: no request, no loading state', async () => {
    const api = new FakeJetstream2KubernetesApi();
    const methods = [
      'getClusters',
      'getCluster',
      'getEntityWorkloads',
      'getTemplates',
      'getPodLogs',
    ] as const;
    const spies = methods.map(method => jest.spyOn(api, method));
    await page('/jetstream2-kubernetes', api);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Guides' })).getAllByRole(
        'listitem',
      ).length,
    ).toBeGreaterThan(1);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('filters guides by free text', async () => {
    await page('/jetstream2-kubernetes?q=manila');
    const list = await screen.findByRole('list', { name: 'Guides' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
  });

  it.each(['crash', 'logs'])(
    'finds the guide on crashing pods by "%s"',
    async word => {
      await page(`/jetstream2-kubernetes?q=${word}`);
      const list = await screen.findByRole('list', { name: 'Guides' });
      const items = within(list).getAllByRole('listitem');
      expect(items).toHaveLength(1);
      expect(
        within(items[0]).getByText('Read logs and debug a crashing pod'),
      ).toBeInTheDocument();
    },
  );

  it('shows what to read next for a guide that links further pages', async () => {
    await page('/jetstream2-kubernetes/guides/k8s-debug-pods');
    expect(
      await screen.findByRole('heading', { level: 2, name: /crashing pod/ }),
    ).toBeInTheDocument();
    expect(screen.getByText('Kubernetes docs')).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        // an external link's name ends with upstream's "opens in a new window"
        name: /^Jetstream2: manage your application with kubectl/,
      }),
    ).toHaveAttribute(
      'href',
      'https://docs.jetstream-cloud.org/general/k8smanage/',
    );
  });

  it('filters guides by source', async () => {
    await page('/jetstream2-kubernetes?source=zonca.dev');
    const list = await screen.findByRole('list', { name: 'Guides' });
    const items = within(list).getAllByRole('listitem');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(within(item).getByText(/^zonca\.dev/)).toBeInTheDocument();
    }
  });

  it('says no guide matches an unknown source in the URL', async () => {
    await page('/jetstream2-kubernetes?source=nowhere');
    expect(
      await screen.findByText('No guide matches these filters'),
    ).toBeInTheDocument();
  });

  it('deep-links to one guide', async () => {
    await page('/jetstream2-kubernetes/guides/k8s-magnum');
    expect(
      await screen.findByRole('heading', { level: 2, name: /Magnum/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Start from the template' }),
    ).toHaveAttribute(
      'href',
      '/create/templates/default/jetstream2-magnum-cluster',
    );
    expect(
      screen.getByRole('link', { name: /Read the original guide/ }),
    ).toHaveAttribute(
      'href',
      expect.stringContaining('docs.jetstream-cloud.org'),
    );
  });

  it('deep-links to one concept with its live count and guides', async () => {
    await page('/jetstream2-kubernetes/concepts/pod');
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Pod' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/14 live across the portal's clusters/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Run and expose applications/ }),
    ).toHaveAttribute('href', '/jetstream2-kubernetes/guides/k8s-manage-apps');
  });

  it('says so when a deep-linked guide does not exist', async () => {
    await page('/jetstream2-kubernetes/guides/nope');
    expect(
      await screen.findByText('No guide with the id “nope”'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /All guides/ })).toHaveAttribute(
      'href',
      '/jetstream2-kubernetes',
    );
  });

  it('says so when a deep-linked concept does not exist', async () => {
    await page('/jetstream2-kubernetes/concepts/nope');
    expect(
      await screen.findByText('No concept with the id “nope”'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /All concepts/ })).toHaveAttribute(
      'href',
      '/jetstream2-kubernetes/concepts',
    );
  });

  it('shows the concept glossary with live counts from the clusters', async () => {
    await page('/jetstream2-kubernetes/concepts');
    const workloads = await screen.findByRole('region', { name: 'Workloads' });
    expect(
      within(workloads).getByRole('link', { name: 'Pod' }),
    ).toHaveAttribute('href', '/jetstream2-kubernetes/concepts/pod');
    expect(
      await within(workloads).findByText('14 live in the portal'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'Control plane' }),
    ).toBeInTheDocument();
  });

  it('shows clusters with a capacity chart and the templates to create one', async () => {
    await page('/jetstream2-kubernetes/clusters');
    expect(
      await screen.findByRole('img', { name: /Capacity of js2-demo/ }),
    ).toBeInTheDocument();
    expect(screen.getByText('Create a cluster')).toBeInTheDocument();
    // Burn, idle share and the nodes whose cost is unknown
    expect(
      screen.getByText(
        /Burns 44 SU per hour · 32,120 SU per month; idle .* 11 SU per hour, 25%/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/unknown flavor: js2-demo-extra-1/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('live-indicator')).toHaveTextContent(/updated/);
    expect(
      await screen.findByRole('link', { name: 'Jetstream2 Magnum cluster' }),
    ).toHaveAttribute(
      'href',
      '/create/templates/default/jetstream2-magnum-cluster',
    );
  });

  it('shows the error when the clusters cannot be listed', async () => {
    const api = new FakeJetstream2KubernetesApi();
    api.getClusters = async () => {
      throw new Error('backend down');
    };
    await page('/jetstream2-kubernetes/clusters', api);
    expect(
      await screen.findByText(/Could not load clusters/),
    ).toBeInTheDocument();
  });
});
