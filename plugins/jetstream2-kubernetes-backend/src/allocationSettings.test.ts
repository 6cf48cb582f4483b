import { ConfigReader } from '@backstage/config';
import {
  defaultAllocationSettings,
  readAllocationSettings,
} from './allocationSettings';

const read = (jetstream2Kubernetes: object) =>
  readAllocationSettings(new ConfigReader({ jetstream2Kubernetes }));

describe('readAllocationSettings', () => {
  it('has the documented defaults', () => {
    expect(readAllocationSettings(new ConfigReader({}))).toEqual({
      rates: { m3: 1, r3: 2, g3: 4 },
      history: {
        bucketMs: 3_600_000,
        sampleIntervalMs: 300_000,
        retentionMs: 90 * 86_400_000,
      },
      runwayWindowMs: 7 * 86_400_000,
      notifications: {
        enabled: true,
        intervalMs: 30_000,
        flapWindowMs: 3_600_000,
        runwayThresholdDays: 30,
      },
    });
    expect(defaultAllocationSettings.rates.g3).toBe(4);
  });

  it('reads rates, durations past 24 days, and a short development cadence', () => {
    const s = read({
      suRates: { g3: 2 },
      history: { bucket: '1m', retention: { days: 365 } },
      allocations: { runwayWindow: '14d' },
      notifications: {
        enabled: false,
        interval: '5s',
        flapWindow: '10m',
        runwayThresholdDays: 14,
      },
    });
    expect(s.rates).toEqual({ m3: 1, r3: 2, g3: 2 });
    // a quarter of the bucket when the bucket is short
    expect(s.history).toEqual({
      bucketMs: 60_000,
      sampleIntervalMs: 15_000,
      retentionMs: 365 * 86_400_000,
    });
    expect(s.runwayWindowMs).toBe(14 * 86_400_000);
    expect(s.notifications).toEqual({
      enabled: false,
      intervalMs: 5_000,
      flapWindowMs: 600_000,
      runwayThresholdDays: 14,
    });
  });

  it.each([
    [
      { suRates: { gpu: 2 } },
      'Invalid setting jetstream2Kubernetes.suRates: "gpu" is not a Jetstream2 flavor family; use m3, r3, g3',
    ],
    [
      { suRates: { g3: -1 } },
      'Invalid setting jetstream2Kubernetes.suRates: the rate of g3 must be a number of SU per vCPU-hour above 0, got -1',
    ],
    [
      { suRates: 4 },
      'Invalid setting jetstream2Kubernetes.suRates: it must map flavor families to SU per vCPU-hour, such as { g3: 2 }',
    ],
    [
      { history: { bucket: '1m', sampleInterval: '2m' } },
      'Invalid setting jetstream2Kubernetes.history.sampleInterval: it must not be longer than jetstream2Kubernetes.history.bucket, or buckets would be left without a sample',
    ],
    [
      { history: { retention: '3d' } },
      'Invalid setting jetstream2Kubernetes.history.retention: it must be at least jetstream2Kubernetes.allocations.runwayWindow, or the runway would be reckoned from samples already deleted',
    ],
    [
      { notifications: { runwayThresholdDays: 'soon' } },
      'Invalid setting jetstream2Kubernetes.notifications.runwayThresholdDays: it must be a number of days, 0 or more; got "soon"',
    ],
    [
      { history: { bucket: 'hourly' } },
      /^Invalid setting jetstream2Kubernetes.history.bucket: .*Use a duration such as/,
    ],
  ])('refuses %j', (settings, message) => {
    expect(() => read(settings)).toThrow(message);
  });
});
