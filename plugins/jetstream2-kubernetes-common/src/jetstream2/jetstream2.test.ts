import {
  ALLOCATION_ID_PATTERN,
  DEFAULT_MAGNUM_CLUSTER_TEMPLATE,
  describeFlavor,
  describeGpuFraction,
  getFlavor,
  getMagnumClusterTemplate,
  isAllocationId,
  isGpuFlavor,
  jetstream2DefaultQuotas,
  jetstream2DnsZone,
  jetstream2Flavors,
  magnumClusterTemplates,
  orderableFlavors,
  suPerHour,
} from '.';

describe('Jetstream2 flavors', () => {
  it('knows the documented sizes', () => {
    expect(getFlavor('m3.quad')).toMatchObject({
      vcpus: 4,
      ramGb: 15,
      rootDiskGb: 20,
      gpuFraction: 0,
    });
    expect(getFlavor('r3.xl')).toMatchObject({ vcpus: 128, ramGb: 1000 });
    expect(getFlavor('g3.medium')).toMatchObject({
      vcpus: 8,
      gpuFraction: 0.25,
      gpuMemoryGb: 10,
    });
    expect(getFlavor('g3.xl')).toMatchObject({
      vcpus: 32,
      gpuFraction: 1,
      gpuMemoryGb: 40,
    });
    expect(getFlavor('m3.huge')).toBeUndefined();
  });

  it('has unique names and marks g3.small retired and m3.3xl by request', () => {
    const names = jetstream2Flavors.map(f => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(getFlavor('g3.small')?.status).toBe('retired');
    expect(getFlavor('m3.3xl')?.status).toBe('by-request');
    expect(orderableFlavors('g3').map(f => f.name)).toEqual([
      'g3.medium',
      'g3.large',
      'g3.xl',
    ]);
  });

  it('charges 1, 2 and 4 SU per vCPU-hour for m3, r3 and g3', () => {
    expect(suPerHour('m3.quad')).toBe(4);
    expect(suPerHour('m3.medium', 3)).toBe(24);
    expect(suPerHour('r3.large')).toBe(128);
    expect(suPerHour('g3.medium')).toBe(32);
    expect(suPerHour('g3.xl', 2)).toBe(256);
    expect(() => suPerHour('x9.big')).toThrow(
      /Unknown Jetstream2 flavor "x9.big"/,
    );
  });

  it('tells GPU flavors apart and describes them for pickers', () => {
    expect(isGpuFlavor('g3.large')).toBe(true);
    expect(isGpuFlavor('m3.large')).toBe(false);
    expect(isGpuFlavor('nope')).toBe(false);
    expect(describeGpuFraction(0.25)).toBe('1/4 A100');
    expect(describeGpuFraction(0.5)).toBe('1/2 A100');
    expect(describeGpuFraction(1)).toBe('1 A100');
    expect(describeFlavor(getFlavor('g3.medium')!)).toBe(
      'g3.medium — 8 vCPU, 30 GB RAM, 1/4 A100 (10 GB) — 32 SU/h',
    );
    expect(describeFlavor(getFlavor('m3.3xl')!)).toMatch(
      /128 SU\/h \(by request\)$/,
    );
  });
});

describe('Jetstream2 facts', () => {
  it('recognises allocation ids', () => {
    expect(isAllocationId('abc123456')).toBe(true);
    for (const bad of [
      'ABC123456',
      'ab123456',
      'abc12345',
      'abc1234567',
      'abc-123456',
      '',
    ]) {
      expect(ALLOCATION_ID_PATTERN.test(bad)).toBe(false);
    }
    expect(jetstream2DnsZone('abc123456')).toBe(
      'abc123456.projects.jetstream-cloud.org.',
    );
  });

  it('lists Magnum templates by Kubernetes version', () => {
    expect(magnumClusterTemplates.map(t => t.name)).toEqual([
      'kubernetes-1-30-jammy',
      'kubernetes-1-31-jammy',
      'kubernetes-1-33-jammy',
    ]);
    expect(
      getMagnumClusterTemplate('kubernetes-1-31-jammy')?.kubernetesVersion,
    ).toBe('1.31');
    expect(getMagnumClusterTemplate('kubernetes-1-29-jammy')).toBeUndefined();
    expect(DEFAULT_MAGNUM_CLUSTER_TEMPLATE).toBe('kubernetes-1-33-jammy');
  });

  it('has the default quotas', () => {
    expect(jetstream2DefaultQuotas.cpu.cores).toBe(150);
    expect(jetstream2DefaultQuotas.gpu.cores).toBe(64);
    expect(jetstream2DefaultQuotas.trial.cores).toBe(2);
  });
});
