import { TestApiProvider } from '@backstage/test-utils';
import { kubernetesProxyApiRef } from '@backstage/plugin-kubernetes-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  FakeJetstream2KubernetesApi,
  annotatedEntity,
  workloadsResponse,
} from '../../__testUtils__';
import { renderWithApi } from '../../__testUtils__/render';
import type { PodLogsRequest } from '../../api';
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

  it("reads the logs of upstream's pod drawer through our route for the entity, not the proxy", async () => {
    const requests: PodLogsRequest[] = [];
    const api = new FakeJetstream2KubernetesApi({
      logs: r => {
        requests.push(r);
        return `${r.pod}/${r.container}: ready\nListening on :8080\n`;
      },
    });
    const proxy = appProxyApi();
    await renderWithApi(
      <TestApiProvider apis={[[kubernetesProxyApiRef, proxy]]}>
        <PodsSection
          clusters={workloadsResponse.clusters}
          events={workloadsResponse.events}
        />
      </TestApiProvider>,
      { api, entity: annotatedEntity },
    );

    const card = (await screen.findByText('Pods on js2-demo')).closest(
      '[class*="MuiCard-root"]',
    ) as HTMLElement;
    await userEvent.click(
      within(card).getByRole('button', { name: 'science-api-7d9f-abc12' }),
    );
    // upstream's drawer, its container card, and its logs dialog
    await userEvent.click(
      await screen.findByRole('button', { name: 'get logs' }),
    );
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
    await renderWithApi(
      <TestApiProvider apis={[[kubernetesProxyApiRef, proxy]]}>
        <PodsSection clusters={workloadsResponse.clusters} />
      </TestApiProvider>,
      { api, entity: annotatedEntity },
    );
    const card = (await screen.findByText('Pods on js2-demo')).closest(
      '[class*="MuiCard-root"]',
    ) as HTMLElement;
    await userEvent.click(
      within(card).getByRole('button', { name: 'science-api-7d9f-def34' }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'get logs' }),
    );
    expect(
      await screen.findByText('Not allowed to read the logs of science-api'),
    ).toBeInTheDocument();
    expect(proxy.getPodLogs).not.toHaveBeenCalled();
  });
});
