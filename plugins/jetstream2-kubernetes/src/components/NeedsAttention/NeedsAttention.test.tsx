import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NotAllowedError } from '@backstage/errors';
import type { EntityWorkloadsResponse } from '@internal/plugin-jetstream2-kubernetes-common';
import { FakeJetstream2KubernetesApi } from '../../__testUtils__';
import { renderWithApi } from '../../__testUtils__/render';
import type { PodLogsRequest } from '../../api';
import { NeedsAttention } from './NeedsAttention';

jest.setTimeout(30_000);

const entity = { namespace: 'default', kind: 'Component', name: 'science-api' };
const owner = (kind: string, name: string) => [
  { apiVersion: 'apps/v1', kind, name, uid: `uid-${name}`, controller: true },
];
const workerPod = {
  kind: 'Pod',
  metadata: {
    name: 'worker-7876b9f7d5-tsh5g',
    namespace: 'science',
    uid: 'uid-worker-pod',
    ownerReferences: owner('ReplicaSet', 'worker-7876b9f7d5'),
  },
  spec: { nodeName: 'js2-demo-worker-0', containers: [{ name: 'worker' }] },
  status: {
    phase: 'Running',
    containerStatuses: [
      {
        name: 'worker',
        ready: false,
        restartCount: 14,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
      },
    ],
  },
};

const view: EntityWorkloadsResponse = {
  entityRef: 'component:default/science-api',
  selector: { labelSelector: 'app=science-api', source: 'kubernetes-id' },
  clustersSearched: ['js2-demo'],
  clusters: [
    {
      cluster: 'js2-demo',
      status: 'ok',
      resources: [
        { type: 'pods', resources: [workerPod] },
        {
          type: 'replicasets',
          resources: [
            {
              kind: 'ReplicaSet',
              metadata: {
                name: 'worker-7876b9f7d5',
                namespace: 'science',
                ownerReferences: owner('Deployment', 'worker'),
              },
            },
          ],
        },
      ] as any,
      concepts: [],
      insights: [],
    },
  ],
  workloads: [
    {
      kind: 'Deployment',
      namespace: 'science',
      name: 'api',
      clusters: ['js2-demo'],
      status: '3/3 ready',
      verdict: 'ok',
      healthy: true,
    },
    {
      kind: 'Deployment',
      namespace: 'science',
      name: 'worker',
      clusters: ['js2-demo'],
      status: '0/1 ready',
      verdict: 'error',
      healthy: false,
    },
  ],
  concepts: [],
  insights: [],
  recommendedGuides: [],
  events: [
    {
      cluster: 'js2-demo',
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container worker',
      object: {
        kind: 'Pod',
        namespace: 'science',
        name: 'worker-7876b9f7d5-tsh5g',
      },
      count: 14,
      lastSeen: '2026-01-01T10:00:00Z',
    },
  ],
};

const log = [
  'INFO worker: connecting to queue redis://cache:6379/0',
  'Traceback (most recent call last):',
  '  File "/app/worker.py", line 48, in <module>',
  'redis.exceptions.ConnectionError: Error -2 connecting to cache:6379. Name or service not known.',
].join('\n');

describe('NeedsAttention', () => {
  it('names the crash loop, shows the last error of its log, and offers Logs, Events, the guide and extra actions', async () => {
    const requests: PodLogsRequest[] = [];
    const api = new FakeJetstream2KubernetesApi({
      logs: r => {
        requests.push(r);
        return log;
      },
    });
    await renderWithApi(
      <NeedsAttention
        view={view}
        entity={entity}
        renderActions={item => (
          <button type="button">Restart {item.object.name}</button>
        )}
      />,
      { api },
    );
    const region = await screen.findByRole('region', {
      name: 'Needs attention (1)',
    });
    const row = within(region).getByRole('listitem');
    expect(
      within(row).getByRole('heading', {
        name: 'worker keeps crashing: restarted 14 times',
      }),
    ).toBeInTheDocument();
    expect(within(row).getByText('Deployment in science')).toBeInTheDocument();
    // the evidence: read beside the view through our logs route, the last error line picked
    expect(await within(row).findByTestId('log-evidence')).toHaveTextContent(
      'redis.exceptions.ConnectionError: Error -2 connecting to cache:6379. Name or service not known.',
    );
    expect(
      within(row).getByText('Last error in the log of worker:'),
    ).toBeInTheDocument();
    expect(requests[0]).toEqual({
      entity,
      cluster: 'js2-demo',
      podNamespace: 'science',
      pod: 'worker-7876b9f7d5-tsh5g',
      container: 'worker',
      previous: false,
      tailLines: 100,
    });
    // the next steps
    expect(
      within(row).getByRole('link', {
        name: 'Guide: Read logs and debug a crashing pod',
      }),
    ).toHaveAttribute('href', '/jetstream2-kubernetes/guides/k8s-debug-pods');
    expect(
      within(row).getByRole('button', { name: 'Restart worker' }),
    ).toBeInTheDocument();

    await userEvent.click(
      within(row).getByRole('button', {
        name: 'Logs of worker-7876b9f7d5-tsh5g',
      }),
    );
    const logs = await screen.findByRole('dialog', {
      name: 'Logs of worker-7876b9f7d5-tsh5g',
    });
    expect(
      await within(logs).findByLabelText('Log of worker'),
    ).toHaveTextContent('ConnectionError');
    await userEvent.click(within(logs).getByRole('button', { name: 'Close' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );

    await userEvent.click(
      within(row).getByRole('button', { name: 'Events of worker (1)' }),
    );
    const events = await screen.findByRole('dialog', {
      name: 'Events of Deployment worker',
    });
    expect(within(events).getByText('BackOff')).toBeInTheDocument();
    expect(within(events).getByText('14')).toBeInTheDocument();
  });

  it('falls back to the event when the log cannot be read, and says why', async () => {
    const api = new FakeJetstream2KubernetesApi({
      logs: () => {
        throw new NotAllowedError('not your pod');
      },
    });
    await renderWithApi(<NeedsAttention view={view} entity={entity} />, {
      api,
    });
    expect(
      await screen.findByText('Could not read the log of worker: not your pod'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Back-off restarting failed container worker'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Event BackOff, 14 times/)).toBeInTheDocument();
  });

  it('reads the run before the restart when the current one has logged nothing yet', async () => {
    const requests: PodLogsRequest[] = [];
    const api = new FakeJetstream2KubernetesApi({
      logs: r => {
        requests.push(r);
        return r.previous ? 'fatal: config file missing' : '';
      },
    });
    await renderWithApi(<NeedsAttention view={view} entity={entity} />, {
      api,
    });
    expect(await screen.findByTestId('log-evidence')).toHaveTextContent(
      'fatal: config file missing',
    );
    expect(requests.map(r => r.previous)).toEqual([false, true]);
  });

  it('takes one line when nothing needs attention', async () => {
    const healthy = {
      ...view,
      workloads: view.workloads.filter(w => w.name === 'api'),
    };
    await renderWithApi(<NeedsAttention view={healthy} entity={entity} />);
    expect(
      await screen.findByText('Its one workload is healthy'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('listitem')).not.toBeInTheDocument();
  });
});
