import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_RUNWAY_WINDOW_DAYS,
  resolveSuRates,
  type SuRates,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { readDurationMs } from './settings';

/** SU rates, burn history, runway and notification settings (`jetstream2Kubernetes.*`, see config.d.ts). */
export interface AllocationSettings {
  /** SU per vCPU-hour by flavor family: the built-in rates with `suRates` applied. */
  rates: SuRates;
  history: {
    /** Length of one history bucket: every subject has at most one sample per bucket. */
    bucketMs: number;
    /** How often the writer measures; a bucket's sample is the mean of its measurements. */
    sampleIntervalMs: number;
    /** How long samples are kept. */
    retentionMs: number;
  };
  /** The runway is reckoned from the mean burn of this long a window. */
  runwayWindowMs: number;
  notifications: {
    enabled: boolean;
    /** How often service health and runways are checked (one replica at a time). */
    intervalMs: number;
    /** At most one notification per service (or allocation) in this long a time. */
    flapWindowMs: number;
    /** Owners are told once when an allocation's runway falls below this many days. */
    runwayThresholdDays: number;
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const defaultAllocationSettings: AllocationSettings = {
  rates: resolveSuRates(),
  history: {
    bucketMs: HOUR,
    sampleIntervalMs: 5 * MINUTE,
    retentionMs: 90 * DAY,
  },
  runwayWindowMs: DEFAULT_RUNWAY_WINDOW_DAYS * DAY,
  notifications: {
    enabled: true,
    intervalMs: 30_000,
    flapWindowMs: HOUR,
    runwayThresholdDays: 30,
  },
};

const ROOT = 'jetstream2Kubernetes';

function readRates(config: Config): SuRates {
  const key = `${ROOT}.suRates`;
  if (!config.has(key)) return defaultAllocationSettings.rates;
  const overrides = config.getOptional(key);
  if (!overrides || typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw new InputError(
      `Invalid setting ${key}: it must map flavor families to SU per vCPU-hour, such as { g3: 2 }`,
    );
  }
  try {
    return resolveSuRates(overrides as Record<string, unknown>);
  } catch (error) {
    throw new InputError(`Invalid setting ${key}: ${(error as Error).message}`);
  }
}

function readThreshold(config: Config): number {
  const key = `${ROOT}.notifications.runwayThresholdDays`;
  if (!config.has(key)) {
    return defaultAllocationSettings.notifications.runwayThresholdDays;
  }
  const value = config.getOptional(key);
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InputError(
      `Invalid setting ${key}: it must be a number of days, 0 or more; got ${JSON.stringify(
        value,
      )}`,
    );
  }
  return value;
}

/**
 * Reads the allocation settings; a missing key takes its default, a bad value throws an InputError naming
 * the setting, so the backend does not start with a value nobody chose.
 */
export function readAllocationSettings(config: Config): AllocationSettings {
  const d = defaultAllocationSettings;
  const bucketMs = readDurationMs(
    config,
    'history.bucket',
    d.history.bucketMs,
    Infinity,
  );
  const sampleIntervalMs = readDurationMs(
    config,
    'history.sampleInterval',
    Math.min(d.history.sampleIntervalMs, Math.max(1_000, bucketMs / 4)),
  );
  if (sampleIntervalMs > bucketMs) {
    throw new InputError(
      `Invalid setting ${ROOT}.history.sampleInterval: it must not be longer than ${ROOT}.history.bucket, or buckets would be left without a sample`,
    );
  }
  const retentionMs = readDurationMs(
    config,
    'history.retention',
    d.history.retentionMs,
    Infinity,
  );
  const runwayWindowMs = readDurationMs(
    config,
    'allocations.runwayWindow',
    d.runwayWindowMs,
    Infinity,
  );
  if (retentionMs < runwayWindowMs) {
    throw new InputError(
      `Invalid setting ${ROOT}.history.retention: it must be at least ${ROOT}.allocations.runwayWindow, or the runway would be reckoned from samples already deleted`,
    );
  }
  return {
    rates: readRates(config),
    history: { bucketMs, sampleIntervalMs, retentionMs },
    runwayWindowMs,
    notifications: {
      enabled:
        config.getOptionalBoolean(`${ROOT}.notifications.enabled`) ??
        d.notifications.enabled,
      intervalMs: readDurationMs(
        config,
        'notifications.interval',
        d.notifications.intervalMs,
      ),
      flapWindowMs: readDurationMs(
        config,
        'notifications.flapWindow',
        d.notifications.flapWindowMs,
        Infinity,
      ),
      runwayThresholdDays: readThreshold(config),
    },
  };
}
