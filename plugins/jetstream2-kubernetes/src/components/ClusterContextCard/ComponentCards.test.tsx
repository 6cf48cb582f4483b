import { screen } from '@testing-library/react';
import { clusterDetail } from '../../__testUtils__';
import { renderWithApi } from '../../__testUtils__/render';
import { ComponentCards } from './ComponentCards';

describe('ComponentCards', () => {
  it('shows healthy node components green, and a warning that names the node, the reason and the guide', async () => {
    const detail = {
      ...clusterDetail,
      nodes: clusterDetail.nodes.map((n, i) =>
        i === 1 ? { ...n, kubeletVersion: 'v1.35.0' } : n,
      ),
    };
    await renderWithApi(<ComponentCards detail={detail} />);
    const runtime = await screen.findByText(/Runs containerd:\/\/1.7.24/);
    expect(runtime.closest('[data-verdict]')).toHaveAttribute(
      'data-verdict',
      'ok',
    );
    const kubelet = screen.getByText(/Version v1.34.2, v1.35.0/);
    expect(kubelet.closest('[data-verdict]')).toHaveAttribute(
      'data-verdict',
      'warning',
    );
    expect(
      screen.getByText(
        /js2-demo-worker-1: kubelet v1.35.0 is newer than the API server v1.34.2/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: /Create a managed cluster with OpenStack Magnum/,
      }),
    ).toHaveAttribute('href', '/jetstream2-kubernetes/guides/k8s-magnum');
  });
});
