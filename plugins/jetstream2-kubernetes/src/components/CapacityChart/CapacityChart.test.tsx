import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { clusterDetail } from '../../__testUtils__';
import { CapacityChart } from './CapacityChart';

describe('CapacityChart', () => {
  it('draws requested against allocatable per node, with GPUs when a node has them', async () => {
    await renderInTestApp(
      <CapacityChart
        nodes={clusterDetail.nodes}
        title="Capacity of js2-demo"
      />,
    );
    const chart = screen.getByRole('img', { name: /Capacity of js2-demo/ });
    expect(chart).toHaveAccessibleName(
      expect.stringContaining(
        'js2-demo-worker-1 (m3.medium): CPU 7.6 cores of 8 cores',
      ),
    );
    expect(
      screen.getByText('js2-demo-worker-1 (m3.medium)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('js2-demo-gpu-1 (g3.xl) – Cordoned'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('bar-js2-demo-gpu-1-GPU')).toHaveTextContent(
      '1 of 1 (100%)',
    );
    expect(screen.getByTestId('bar-js2-demo-worker-1-CPU')).toHaveTextContent(
      '(95%)',
    );
  });

  it('leaves GPUs out when no node has any, and survives missing amounts', async () => {
    const node = {
      ...clusterDetail.nodes[0],
      requested: undefined,
      allocatable: undefined,
    } as any;
    await renderInTestApp(<CapacityChart nodes={[node]} title="t" />);
    expect(screen.queryByText('GPU')).not.toBeInTheDocument();
    expect(screen.getByTestId(`bar-${node.name}-CPU`)).toHaveTextContent(
      '0 cores of 0 cores',
    );
  });

  it('says when there are no nodes', async () => {
    await renderInTestApp(<CapacityChart nodes={[]} title="t" />);
    expect(screen.getByText('No nodes reported.')).toBeInTheDocument();
  });

  it("shows each node's SU cost and usage beside requests, in the picture and in words", async () => {
    const nodes = [
      {
        ...clusterDetail.nodes[1],
        suPerHour: 8,
        usage: { cpuCores: 3, memoryBytes: 10 * 1024 ** 3, gpus: 0 },
      },
      { ...clusterDetail.nodes[0], flavor: undefined, suPerHour: undefined },
    ];
    await renderInTestApp(<CapacityChart nodes={nodes} title="Capacity" />);
    expect(
      screen.getByText('js2-demo-worker-1 (m3.medium, 8 SU/h)'),
    ).toBeInTheDocument();
    expect(screen.getByText('js2-demo-control-plane')).toBeInTheDocument();
    expect(screen.getByTestId('bar-js2-demo-worker-1-CPU')).toHaveTextContent(
      '7.6 cores of 8 cores, used 3 cores (95%)',
    );
    expect(
      screen.getByTestId('usage-js2-demo-worker-1-Memory'),
    ).toBeInTheDocument();
    expect(
      screen.queryByTestId('usage-js2-demo-control-plane-CPU'),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Capacity/ })).toHaveAccessibleName(
      expect.stringContaining(
        'Requested and used of allocatable per node: js2-demo-worker-1 (m3.medium, 8 SU/h): CPU 7.6 cores of 8 cores, used 3 cores',
      ),
    );
  });
});
