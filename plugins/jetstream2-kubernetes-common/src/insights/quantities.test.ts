import { parseQuantity, podRequests } from './quantities';
import { pod } from './__fixtures__/objects';

describe('quantities', () => {
  it('parses Kubernetes quantities', () => {
    expect(parseQuantity('250m')).toBeCloseTo(0.25);
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity('1Gi')).toBe(2 ** 30);
    expect(parseQuantity('512Mi')).toBe(512 * 2 ** 20);
    expect(parseQuantity('1G')).toBe(1e9);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('garbage')).toBe(0);
    expect(parseQuantity(undefined)).toBe(0);
  });

  it('sums container requests and takes the larger init container', () => {
    const p = pod('x', {
      requests: { cpu: '500m', memory: '1Gi', 'nvidia.com/gpu': '1' },
    });
    p.spec.containers.push({
      name: 'side',
      resources: { requests: { cpu: '250m' } },
    });
    p.spec.initContainers = [
      { name: 'init', resources: { requests: { cpu: '2', memory: '100Mi' } } },
    ];
    expect(podRequests(p)).toEqual({
      cpuCores: 2,
      memoryBytes: 2 ** 30,
      gpus: 1,
    });
  });
});
