import { TestApiProvider } from '@backstage/test-utils';
import { kubernetesProxyApiRef } from '@backstage/plugin-kubernetes-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  FakeJetstream2KubernetesApi,
  annotatedEntity,
  podUsage,
  workloadsResponse,
} from '../../__testUtils__';
import { renderWithApi } from '../../__testUtils__/render';
import type { EntityName, PodLogsRequest } from '../../api';
import { DRAWER_TAIL_LINES } from './EntityKubernetesProxyApi';
import { PodsSection } from './PodsSection';

// Upstream's drawer and dialog load lazily on a cold jest cache; start-up cost, not a speed target.
jest.setTimeout(30_000);

/** The app's own proxy API (upstream's, over /api/kubernetes/proxy): it must not be asked. */
function appProxyApi() {
  return {
    getPodLogs: jest.fn(async () => ({ text: 'from the proxy' })),
    deletePod: jest.fn(async () => ({ text: '' })),
    getEventsByInvolvedObjectName: jest.fn(async () => []),
  };
}

describe('PodsSection', () => {
  // Upstream's LogViewer draws its lines only once its parent has a size, which jsdom never lays out.
  let rect: jest.SpyInstance;
  beforeEach(() => {
    rect = jest
      .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
      .mockReturnValue({ width: 800, height: 600 } as DOMRect);
  });
  afterEach(() => rect.mockRestore());

  /**
   * Renders the section of the fixture's clusters over `api` and the app's proxy API (a fresh one unless
   * given); resolves to js2-demo's pods card once its table is drawn.
   */
  async function renderPodsCard(
    api: FakeJetstream2KubernetesApi,
    options: {
      proxy?: ReturnType<typeof appProxyApi>;
      events?: typeof workloadsResponse.events;
    } = {},
  ) {
    await renderWithApi(
      <TestApiProvider
        apis={[[kubernetesProxyApiRef, options.proxy ?? appProxyApi()]]}
      >
        <PodsSection
          clusters={workloadsResponse.clusters}
          events={options.events}
        />
      </TestApiProvider>,
      { api, entity: annotatedEntity },
    );
    return (await screen.findByText('Pods on js2-demo')).closest(
      '[class*="MuiCard-root"]',
    ) as HTMLElement;
  }

  /** Opens a pod's drawer from the card, then its container's logs dialog. */
  async function openLogs(card: HTMLElement, pod: string) {
    await userEvent.click(within(card).getByRole('button', { name: pod }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'get logs' }),
    );
  }

  it("reads the logs of upstream's pod drawer through our route for the entity, not the proxy", async () => {
    const requests: PodLogsRequest[] = [];
    const api = new FakeJetstream2KubernetesApi({
      logs: r => {
        requests.push(r);
        return `${r.pod}/${r.container}: ready\nListening on :8080\n`;
      },
    });
    const proxy = appProxyApi();
    const card = await renderPodsCard(api, {
      proxy,
      events: workloadsResponse.events,
    });
    // upstream's drawer, its container card, and its logs dialog
    await openLogs(card, 'science-api-7d9f-abc12');
    const dialog = (
      await screen.findByText(
        'science-api-7d9f-abc12 - api logs on cluster js2-demo',
      )
    ).closest('[role="dialog"]') as HTMLElement;
    expect(
      await within(dialog).findByText('science-api-7d9f-abc12/api: ready'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('Listening on :8080')).toBeInTheDocument();

    expect(requests).toEqual([
      {
        entity: {
          namespace: 'default',
          kind: 'Component',
          name: 'science-api',
        },
        cluster: 'js2-demo',
        podNamespace: 'science',
        pod: 'science-api-7d9f-abc12',
        container: 'api',
        previous: undefined,
        tailLines: DRAWER_TAIL_LINES,
      },
    ]);
    expect(proxy.getPodLogs).not.toHaveBeenCalled();
    expect(proxy.getEventsByInvolvedObjectName).not.toHaveBeenCalled();
  });

  it("shows our backend's refusal in upstream's logs view", async () => {
    const api = new FakeJetstream2KubernetesApi({
      logs: () => {
        throw new Error('Not allowed to read the logs of science-api');
      },
    });
    const proxy = appProxyApi();
    const card = await renderPodsCard(api, { proxy });
    await openLogs(card, 'science-api-7d9f-def34');
    expect(
      await screen.findByText('Not allowed to read the logs of science-api'),
    ).toBeInTheDocument();
    expect(proxy.getPodLogs).not.toHaveBeenCalled();
  });

  it("shows each pod's CPU and memory usage from the usage route, and in upstream's drawer", async () => {
    const asked: EntityName[] = [];
    const api = new FakeJetstream2KubernetesApi({
      podUsage: entity => {
        asked.push(entity);
        return podUsage;
      },
    });
    const card = await renderPodsCard(api, {
      events: workloadsResponse.events,
    });
    expect(await within(card).findByText('12m')).toBeInTheDocument();
    expect(within(card).getByText('CPU')).toBeInTheDocument();
    expect(within(card).getByText('Memory')).toBeInTheDocument();
    expect(within(card).getByText('5% of 250m')).toBeInTheDocument();
    expect(within(card).getByText('45 MiB')).toBeInTheDocument();
    expect(within(card).getByText('200m')).toBeInTheDocument();
    expect(within(card).getByText('75% of 128 MiB')).toBeInTheDocument();
    // the Pending pod has not been measured yet
    const pending = within(card)
      .getByRole('button', { name: 'science-api-7d9f-ghi56' })
      .closest('tr') as HTMLElement;
    expect(within(pending).getAllByTitle('Not measured yet')).toHaveLength(2);
    expect(asked).toEqual([
      { namespace: 'default', kind: 'Component', name: 'science-api' },
    ]);

    // upstream's drawer reads the same usage (PodMetricsContext)
    await userEvent.click(
      within(card).getByRole('button', { name: 'science-api-7d9f-abc12' }),
    );
    // the pod's gauges (its container card repeats the titles, without usage)
    expect(await screen.findByText('usage: 5%')).toBeInTheDocument();
    expect(screen.getAllByText('CPU requests: 250m')).toHaveLength(2);
    expect(screen.getByText('usage: 35%')).toBeInTheDocument();
  });

  it('shows the pods without usage columns when the usage fetch fails', async () => {
    const api = new FakeJetstream2KubernetesApi({
      podUsage: () => {
        throw new Error('usage route refused');
      },
    });
    const card = await renderPodsCard(api);
    expect(
      within(card).getByRole('button', { name: 'science-api-7d9f-abc12' }),
    ).toBeInTheDocument();
    expect(within(card).queryByText('CPU')).not.toBeInTheDocument();
    expect(within(card).queryByText('Memory')).not.toBeInTheDocument();
    expect(screen.queryByText(/usage route refused/)).not.toBeInTheDocument();
  });
});
