import { formatCpu, formatMemory, shareOfRequest } from './podUsageText';

describe('pod usage text', () => {
  it('reads cores as millicores, and as cores from one up', () => {
    expect(formatCpu(0)).toBe('0m');
    expect(formatCpu(0.0000123)).toBe('<1m');
    expect(formatCpu(0.0123)).toBe('12m');
    expect(formatCpu(0.25)).toBe('250m');
    expect(formatCpu(1.25)).toBe('1.25 cores');
    expect(formatCpu('not a number')).toBe('0m');
  });

  it('reads bytes, numbers or integer strings, as MiB or GiB', () => {
    expect(formatMemory(String(45 * 2 ** 20))).toBe('45 MiB');
    expect(formatMemory(3.5 * 2 ** 20)).toBe('3.5 MiB');
    expect(formatMemory(String(1.5 * 2 ** 30))).toBe('1.5 GiB');
    expect(formatMemory(0)).toBe('0 MiB');
  });

  it('gives the share of the request, or says there is none', () => {
    expect(shareOfRequest(0.0123, 0.25, formatCpu)).toBe('5% of 250m');
    expect(
      shareOfRequest(String(96 * 2 ** 20), String(128 * 2 ** 20), formatMemory),
    ).toBe('75% of 128 MiB');
    expect(shareOfRequest(0.1, 0, formatCpu)).toBe('no request');
  });
});
