import { screen } from '@testing-library/react';
import { NotAllowedError, ResponseError } from '@backstage/errors';
import type {
  ClusterDetail,
  NodeSummary,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { clusterDetail, FakeJetstream2KubernetesApi } from '../__testUtils__';
import { renderWithApi } from '../__testUtils__/render';
import { Jetstream2WorkloadCheckField } from './Jetstream2WorkloadCheckField';
import type { WorkloadCheckFieldOptions } from './workloadOfForm';

const GiB = 2 ** 30;
const amounts = (cpuCores: number, memGiB: number, gpus = 0) => ({
  cpuCores,
  memoryBytes: memGiB * GiB,
  gpus,
});
const node = (
  name: string,
  flavor: string,
  suPerHour: number,
  allocatable: ReturnType<typeof amounts>,
  requested: ReturnType<typeof amounts>,
  taints: NodeSummary['taints'] = [],
): NodeSummary => ({
  name,
  flavor,
  suPerHour,
  roles: [],
  ready: true,
  unschedulable: false,
  capacity: allocatable,
  allocatable,
  requested,
  podCount: 1,
  conditions: [],
  taints,
});

/** Shaped like the local control plane with its seed: the only GPU is taken by gpu-training's trainer. */
const jsDemo: ClusterDetail = {
  ...clusterDetail,
  name: 'js2-demo',
  nodes: [
    node('cp', 'm3.medium', 8, amounts(8, 30), amounts(1, 1), [
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
    ]),
    node('w', 'm3.large', 16, amounts(16, 60), amounts(4, 8)),
    node('gpu', 'g3.medium', 32, amounts(8, 30, 1), amounts(4, 16, 1), [
      { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
    ]),
  ],
};

function fieldProps(
  formData: Record<string, unknown>,
  options: WorkloadCheckFieldOptions,
  onChange = jest.fn(),
) {
  return {
    formContext: { formData },
    uiSchema: { 'ui:options': options },
    schema: { title: 'Cost and room on the cluster', type: 'string' },
    formData: undefined,
    onChange,
    idSchema: { $id: 'root_workloadCheck' },
    name: 'workloadCheck',
    required: false,
    disabled: false,
    readonly: false,
    rawErrors: [],
  } as any;
}

const deployment = {
  cluster: 'resource:default/js2-demo',
  replicas: 1,
  cpu: '250m',
  memory: '256Mi',
  gpu: true,
};
const deployOptions = {
  clusterField: 'cluster',
  replicasField: 'replicas',
  cpuField: 'cpu',
  memoryField: 'memory',
  gpuField: 'gpu',
};

describe('Jetstream2WorkloadCheckField', () => {
  it('says a GPU deployment will stay Pending when the only GPU is taken, with its cost, and writes both for the review', async () => {
    const onChange = jest.fn();
    await renderWithApi(
      <Jetstream2WorkloadCheckField
        {...fieldProps(deployment, deployOptions, onChange)}
      />,
      { api: new FakeJetstream2KubernetesApi({ clusters: [jsDemo] }) },
    );
    const status = screen.getByRole('status', {
      name: 'Cost and room on the cluster',
    });
    expect(
      await screen.findByText(
        /0 of 1 GPU free on js2-demo: this will stay Pending\./,
      ),
    ).toBeInTheDocument();
    // a GPU pod takes the whole g3.medium: its GPU is the largest share
    expect(status).toHaveTextContent('About 32 SU/h · 23,360 SU per month');
    expect(status).toHaveTextContent('You can still create it.');
    expect(onChange).toHaveBeenLastCalledWith(
      'About 32 SU/h · 23,360 SU per month; 0 of 1 GPU free on js2-demo: this will stay Pending',
    );
  });

  it('says when a CPU deployment fits', async () => {
    await renderWithApi(
      <Jetstream2WorkloadCheckField
        {...fieldProps(
          { ...deployment, gpu: false, replicas: 2 },
          deployOptions,
        )}
      />,
      { api: new FakeJetstream2KubernetesApi({ clusters: [jsDemo] }) },
    );
    expect(
      await screen.findByText(
        /Fits on js2-demo: 12 CPU cores and 52 GiB of memory free on the nodes that take it/,
      ),
    ).toBeInTheDocument();
    // 2 × 0.25 of 16 cores × 16 SU/h
    expect(
      screen.getByText('About 0.5 SU/h · 365 SU per month'),
    ).toBeInTheDocument();
  });

  it('checks one server of each GPU flavor of a JupyterHub', async () => {
    await renderWithApi(
      <Jetstream2WorkloadCheckField
        {...fieldProps(
          {
            cluster: 'resource:default/js2-demo',
            gpuFlavors: ['g3.medium', 'g3.large'],
          },
          {
            clusterField: 'cluster',
            gpuFlavorsField: 'gpuFlavors',
            serverCpu: '1',
            serverMemory: '2G',
          },
        )}
      />,
      { api: new FakeJetstream2KubernetesApi({ clusters: [jsDemo] }) },
    );
    expect(
      await screen.findByText(
        /0 of 1 g3.medium GPU free on js2-demo: this will stay Pending/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/js2-demo has no g3.large node: this will stay Pending/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'A g3.medium GPU server: About 32 SU/h · 23,360 SU per month',
      ),
    ).toBeInTheDocument();
    // no g3.large node to measure: the flavor's whole rate
    expect(
      screen.getByText(
        'A g3.large GPU server: About 64 SU/h · 46,720 SU per month',
      ),
    ).toBeInTheDocument();
  });

  it('says in words when the room cannot be read', async () => {
    const api = new FakeJetstream2KubernetesApi({ clusters: [jsDemo] });
    api.getClusterCapacity = async () => {
      throw await ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: { name: NotAllowedError.name, message: 'no' },
            response: { statusCode: 403 },
          }),
          { status: 403, statusText: 'Forbidden' },
        ) as any,
      );
    };
    await renderWithApi(
      <Jetstream2WorkloadCheckField
        {...fieldProps(deployment, deployOptions)}
      />,
      { api },
    );
    expect(
      await screen.findByText(
        'You may not read the free room of js2-demo; the platform team can allow it.',
      ),
    ).toBeInTheDocument();
  });

  it('says what is missing before a cluster is chosen', async () => {
    await renderWithApi(
      <Jetstream2WorkloadCheckField
        {...fieldProps({ ...deployment, cluster: undefined }, deployOptions)}
      />,
    );
    expect(
      screen.getByText('Choose a cluster to check its free room.'),
    ).toBeInTheDocument();
  });
});
