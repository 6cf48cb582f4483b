import { ID_LABEL, node, pod } from './__fixtures__/kubeObjects';
import { clusterInput, edgesOf, nodeNamed } from './__fixtures__/topologyInput';
import { addNodeEdges } from './nodeEdges';

const labels = { [ID_LABEL]: 'gpu-training' };

describe('node edges', () => {
  it('draws each scheduled pod on its node, with the flavor and the GPU share', () => {
    const input = clusterInput(
      [
        pod('trainer-55488746c4-vjzzh', {
          namespace: 'ml',
          labels,
          nodeName: 'js2-demo-gpu-worker-0',
          gpus: 1,
        }),
        pod('preprocess-dbbv6', {
          namespace: 'ml',
          labels,
          nodeName: 'js2-demo-worker-1',
        }),
        node('js2-demo-gpu-worker-0', 'g3.medium'),
        node('js2-demo-worker-1', 'm3.large'),
      ],
      'gpu-training',
    );
    addNodeEdges(input);
    expect(edgesOf(input)).toEqual([
      'Pod/preprocess-dbbv6 -runs-on-> Node/js2-demo-worker-1',
      'Pod/trainer-55488746c4-vjzzh -runs-on-> Node/js2-demo-gpu-worker-0',
    ]);
    expect(nodeNamed(input, 'Node', 'js2-demo-gpu-worker-0')).toMatchObject({
      id: 'js2-demo/Node//js2-demo-gpu-worker-0',
      namespace: '',
      verdict: 'ok',
      status: 'Ready',
      flavor: 'g3.medium',
      gpu: '1/4 A100 (10 GB)',
      facts: expect.arrayContaining([
        { label: 'Flavor', value: 'g3.medium: 8 vCPU, 30 GB RAM' },
        { label: 'Cost', value: '32 SU/hour' },
      ]),
    });
    const cpuNode = nodeNamed(input, 'Node', 'js2-demo-worker-1');
    expect(cpuNode).toMatchObject({ flavor: 'm3.large' });
    expect(cpuNode?.gpu).toBeUndefined();
    expect(nodeNamed(input, 'Pod', 'trainer-55488746c4-vjzzh')?.gpu).toBe(
      '1 GPU',
    );
  });

  it('draws no edge for a pod the scheduler has not placed', () => {
    const input = clusterInput(
      [pod('trainer-large-1', { namespace: 'ml', labels, gpus: 2 })],
      'gpu-training',
    );
    addNodeEdges(input);
    expect(edgesOf(input)).toEqual([]);
    expect(nodeNamed(input, 'Pod', 'trainer-large-1')).toMatchObject({
      verdict: 'warning',
      status: 'Pending: cannot be scheduled',
      gpu: '2 GPUs',
    });
  });

  it('draws a node the cluster no longer has as missing', () => {
    const input = clusterInput(
      [
        pod('trainer-1', {
          namespace: 'ml',
          labels,
          nodeName: 'js2-demo-gpu-worker-9',
        }),
      ],
      'gpu-training',
    );
    addNodeEdges(input);
    expect(edgesOf(input)).toEqual([
      'Pod/trainer-1 -runs-on-> Node/js2-demo-gpu-worker-9',
    ]);
    expect(nodeNamed(input, 'Node', 'js2-demo-gpu-worker-9')).toMatchObject({
      missing: true,
      namespace: '',
    });
  });
});
