import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeJetstream2KubernetesApi } from '../../__testUtils__';
import { renderWithApi } from '../../__testUtils__/render';
import type { PodLogsRequest } from '../../api';
import { PodLogsButton } from './PodLogsButton';

const pod = {
  metadata: { name: 'worker-1', namespace: 'science', uid: 'u1' },
  spec: {
    containers: [{ name: 'worker' }, { name: 'sidecar' }],
    initContainers: [{ name: 'migrate' }],
  },
  status: { phase: 'Running' },
} as any;

const entity = { namespace: 'default', kind: 'Component', name: 'science-api' };

// the dialog's first render loads MUI's Select and Dialog on a cold jest cache: start-up cost on a busy
// machine, not a speed target
jest.setTimeout(30_000);

describe('PodLogsButton', () => {
  it('reads the log through our route with container, previous and tail lines', async () => {
    const requests: PodLogsRequest[] = [];
    const api = new FakeJetstream2KubernetesApi({
      logs: r => {
        requests.push(r);
        return `${r.container}${r.previous ? ' (previous)' : ''}: ${
          r.tailLines
        } lines\nerror: cannot connect`;
      },
    });
    await renderWithApi(
      <PodLogsButton entity={entity} cluster="js2-demo" pod={pod} />,
      { api },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Logs of worker-1' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Logs of worker-1',
    });
    expect(
      await within(dialog).findByLabelText('Log of worker'),
    ).toHaveTextContent('worker: 500 lines error: cannot connect');
    expect(requests[0]).toEqual({
      entity,
      cluster: 'js2-demo',
      podNamespace: 'science',
      pod: 'worker-1',
      container: 'worker',
      previous: false,
      tailLines: 500,
    });

    await userEvent.click(within(dialog).getByLabelText(/Previous run/));
    expect(
      await within(dialog).findByText(/worker \(previous\): 500 lines/),
    ).toBeInTheDocument();

    await userEvent.click(within(dialog).getByLabelText('Container'));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      'worker',
      'sidecar',
      'migrate',
    ]);
    await userEvent.click(screen.getByRole('option', { name: 'sidecar' }));
    expect(
      await within(dialog).findByLabelText('Log of sidecar'),
    ).toHaveTextContent('sidecar (previous): 500 lines');

    await userEvent.click(within(dialog).getByLabelText('Last lines'));
    await userEvent.click(await screen.findByRole('option', { name: '100' }));
    expect(
      await within(dialog).findByText(/sidecar \(previous\): 100 lines/),
    ).toBeInTheDocument();
    expect(requests[requests.length - 1]).toMatchObject({
      container: 'sidecar',
      previous: true,
      tailLines: 100,
    });
  });

  it('shows why the log cannot be read', async () => {
    const api = new FakeJetstream2KubernetesApi({
      logs: () => {
        throw new Error('previous terminated container "worker" not found');
      },
    });
    await renderWithApi(
      <PodLogsButton entity={entity} cluster="js2-demo" pod={pod} />,
      { api },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Logs of worker-1' }),
    );
    expect(
      await screen.findByText(/Could not read the log of worker/),
    ).toBeInTheDocument();
  });
});
