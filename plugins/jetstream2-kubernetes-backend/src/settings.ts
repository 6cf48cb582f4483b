import { readDurationFromConfig, type Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { CollectorSettings } from './services/ClusterCollector/types';

export interface PluginSettings {
  collector: CollectorSettings;
  /** How often the scheduler runs the task that writes cluster summaries to the database (one replica). */
  persistIntervalMs: number;
  templateTag: string;
  /** How often `type: catalog` clusters are re-read from the catalog. */
  catalogRefreshMs: number;
  /** How often token and CA files named in cluster entries are checked for changes. */
  credentialFileCheckMs: number;
  /** Change notices: quiet time after the last change before a notice is sent. */
  signalDebounceMs: number;
  /** Change notices: longest delay of a notice while changes keep coming. */
  signalMaxWaitMs: number;
}

const ROOT = 'jetstream2Kubernetes';

/** Default of every duration, in milliseconds: the one place they live (config.d.ts quotes them). */
const defaultDurationsMs = {
  healthIntervalMs: 15_000,
  requestTimeoutMs: 10_000,
  minBackoffMs: 1_000,
  maxBackoffMs: 30_000,
  persistIntervalMs: 30_000,
  catalogRefreshMs: 30_000,
  credentialFileCheckMs: 5_000,
  signalDebounceMs: 300,
  signalMaxWaitMs: 1_000,
};

type DurationField = keyof typeof defaultDurationsMs;

/** The config key (under `jetstream2Kubernetes`) of every duration. */
const durationKeys: Record<DurationField, string> = {
  healthIntervalMs: 'collection.healthInterval',
  requestTimeoutMs: 'collection.requestTimeout',
  minBackoffMs: 'collection.minBackoff',
  maxBackoffMs: 'collection.maxBackoff',
  persistIntervalMs: 'collection.persistInterval',
  catalogRefreshMs: 'clusters.catalogRefreshInterval',
  credentialFileCheckMs: 'clusters.credentialFileCheckInterval',
  signalDebounceMs: 'signals.debounce',
  signalMaxWaitMs: 'signals.maxWait',
};

/** The keys read before durations were HumanDurations; refused so an old config never silently falls back. */
const replacedKeys: Record<string, string> = {
  'collection.healthIntervalSeconds': durationKeys.healthIntervalMs,
  'collection.requestTimeoutSeconds': durationKeys.requestTimeoutMs,
  'collection.maxBackoffSeconds': durationKeys.maxBackoffMs,
  'collection.persistIntervalSeconds': durationKeys.persistIntervalMs,
};

/**
 * Keys that no longer do anything. Not refused (a rolling upgrade with an old config keeps working), but
 * named in a warning at start so they get removed.
 */
const obsoleteKeys: Record<string, string> = {
  'collection.leaseDuration':
    "the replica that writes cluster summaries is chosen by Backstage's scheduler (a global task every collection.persistInterval)",
  'collection.leaseSeconds':
    "the replica that writes cluster summaries is chosen by Backstage's scheduler (a global task every collection.persistInterval)",
};

const d = defaultDurationsMs;

/** The defaults of every setting. */
export const defaultSettings: PluginSettings = {
  collector: {
    healthIntervalMs: d.healthIntervalMs,
    requestTimeoutMs: d.requestTimeoutMs,
    minBackoffMs: d.minBackoffMs,
    maxBackoffMs: d.maxBackoffMs,
    listPageSize: 500,
  },
  persistIntervalMs: d.persistIntervalMs,
  templateTag: 'jetstream2-cluster',
  catalogRefreshMs: d.catalogRefreshMs,
  credentialFileCheckMs: d.credentialFileCheckMs,
  signalDebounceMs: d.signalDebounceMs,
  signalMaxWaitMs: d.signalMaxWaitMs,
};

// setTimeout/setInterval fire at once for delays above 2^31-1 ms (about 24.8 days).
const MAX_TIMER_MS = 2 ** 31 - 1;

const MS_PER_UNIT = {
  years: 365 * 24 * 3_600_000,
  months: 30 * 24 * 3_600_000,
  weeks: 7 * 24 * 3_600_000,
  days: 24 * 3_600_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1_000,
  milliseconds: 1,
} as const;

function settingError(key: string, reason: string): InputError {
  return new InputError(
    `Invalid setting ${ROOT}.${key}: ${reason}. Use a duration such as '15s', '500ms' or { seconds: 15 }.`,
  );
}

/**
 * A duration under `jetstream2Kubernetes.<key>` in milliseconds, `fallback` when unset. Throws an InputError
 * naming the setting for a value that is not a duration above zero or longer than `max` (by default what a
 * timer can wait, about 24 days; pass Infinity for a period that is never waited on, such as a retention).
 */
export function readDurationMs(
  config: Config,
  key: string,
  fallback: number,
  max: number = MAX_TIMER_MS,
) {
  const fullKey = `${ROOT}.${key}`;
  if (!config.has(fullKey)) return fallback;
  let ms = 0;
  try {
    const duration = readDurationFromConfig(config, { key: fullKey });
    for (const [unit, factor] of Object.entries(MS_PER_UNIT)) {
      ms += (duration[unit as keyof typeof MS_PER_UNIT] ?? 0) * factor;
    }
  } catch (error) {
    throw settingError(key, (error as Error).message);
  }
  if (!Number.isFinite(ms) || ms <= 0) {
    throw settingError(key, 'it must be longer than zero');
  }
  if (ms > max) {
    throw settingError(
      key,
      max === MAX_TIMER_MS
        ? 'it must be at most 24 days'
        : `it must be at most ${Math.floor(max / MS_PER_UNIT.days)} days`,
    );
  }
  return Math.round(ms);
}

/**
 * Reads `jetstream2Kubernetes.*` (see config.d.ts). Missing keys take `defaultSettings`; a value that is not a
 * positive duration (or a positive whole number for `listPageSize`) throws an `InputError` naming the setting,
 * so the backend refuses to start rather than run with a value nobody chose.
 */
export function readPluginSettings(config: Config): PluginSettings {
  for (const [old, replacement] of Object.entries(replacedKeys)) {
    if (config.has(`${ROOT}.${old}`)) {
      throw new InputError(
        `The setting ${ROOT}.${old} (a number of seconds) was replaced by ${ROOT}.${replacement}, a duration such as '15s' or { seconds: 15 }.`,
      );
    }
  }
  const ms = {} as Record<DurationField, number>;
  for (const field of Object.keys(durationKeys) as DurationField[]) {
    ms[field] = readDurationMs(
      config,
      durationKeys[field],
      defaultDurationsMs[field],
    );
  }
  if (ms.minBackoffMs > ms.maxBackoffMs) {
    throw settingError(
      'collection.minBackoff',
      'it must not be longer than collection.maxBackoff',
    );
  }
  if (ms.signalMaxWaitMs < ms.signalDebounceMs) {
    throw settingError(
      'signals.maxWait',
      'it must not be shorter than signals.debounce',
    );
  }

  let listPageSize = defaultSettings.collector.listPageSize;
  const pageKey = `${ROOT}.collection.listPageSize`;
  if (config.has(pageKey)) {
    let value: number;
    try {
      value = config.getNumber(pageKey);
    } catch (error) {
      throw new InputError(
        `Invalid setting ${pageKey}: ${(error as Error).message}`,
      );
    }
    if (!Number.isInteger(value) || value <= 0) {
      throw new InputError(
        `Invalid setting ${pageKey}: it must be a whole number above zero, got ${value}`,
      );
    }
    listPageSize = value;
  }

  const templateTag =
    config.getOptionalString(`${ROOT}.templateTag`) ??
    defaultSettings.templateTag;
  if (!templateTag.trim()) {
    throw new InputError(`Invalid setting ${ROOT}.templateTag: it is empty`);
  }

  return {
    collector: {
      healthIntervalMs: ms.healthIntervalMs,
      requestTimeoutMs: ms.requestTimeoutMs,
      minBackoffMs: ms.minBackoffMs,
      maxBackoffMs: ms.maxBackoffMs,
      listPageSize,
    },
    persistIntervalMs: ms.persistIntervalMs,
    templateTag,
    catalogRefreshMs: ms.catalogRefreshMs,
    credentialFileCheckMs: ms.credentialFileCheckMs,
    signalDebounceMs: ms.signalDebounceMs,
    signalMaxWaitMs: ms.signalMaxWaitMs,
  };
}

/** One warning per key under `jetstream2Kubernetes` that is set but no longer read, saying why. */
export function obsoleteSettingWarnings(config: Config): string[] {
  return Object.entries(obsoleteKeys)
    .filter(([key]) => config.has(`${ROOT}.${key}`))
    .map(
      ([key, why]) =>
        `The setting ${ROOT}.${key} is no longer read and can be removed: ${why}.`,
    );
}
