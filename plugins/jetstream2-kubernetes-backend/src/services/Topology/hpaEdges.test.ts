import { deployment, hpa, ID_LABEL } from './__fixtures__/kubeObjects';
import { clusterInput, edgesOf, nodeNamed } from './__fixtures__/topologyInput';
import { addHpaEdges } from './hpaEdges';

const id = { [ID_LABEL]: 'science-api' };

describe('HorizontalPodAutoscaler edges', () => {
  it('joins the autoscaler to the workload it scales', () => {
    const input = clusterInput(
      [
        deployment('api', 'science', id, { replicas: 3 }),
        hpa('api', 'science', id, { kind: 'Deployment', name: 'api' }),
      ],
      'science-api',
    );
    addHpaEdges(input);
    expect(edgesOf(input)).toEqual([
      'HorizontalPodAutoscaler/api -scales-> Deployment/api',
    ]);
    expect(nodeNamed(input, 'HorizontalPodAutoscaler', 'api')?.facts).toEqual(
      expect.arrayContaining([
        { label: 'Scales', value: 'Deployment api' },
        { label: 'Replicas', value: '3 now, between 3 and 10' },
        { label: 'Target', value: 'cpu 70%' },
      ]),
    );
  });

  it('draws a target that does not exist as missing', () => {
    const input = clusterInput(
      [hpa('api', 'science', id, { kind: 'Deployment', name: 'api-v2' })],
      'science-api',
    );
    addHpaEdges(input);
    expect(edgesOf(input)).toEqual([
      'HorizontalPodAutoscaler/api -scales-> Deployment/api-v2',
    ]);
    expect(nodeNamed(input, 'Deployment', 'api-v2')?.note).toBe(
      'The HorizontalPodAutoscaler "api" is set to scale a Deployment "api-v2" that does not exist in namespace "science": it scales nothing.',
    );
  });

  it('names a target of a kind the view does not draw instead of guessing', () => {
    const input = clusterInput(
      [hpa('notebooks', 'science', id, { kind: 'Notebook', name: 'lab' })],
      'science-api',
    );
    addHpaEdges(input);
    expect(edgesOf(input)).toEqual([]);
    expect(nodeNamed(input, 'HorizontalPodAutoscaler', 'notebooks')?.note).toBe(
      'It scales a Notebook "lab", which this view does not draw.',
    );
  });
});
