import { useSignal } from '@backstage/plugin-signals-react';
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type DependencyList,
} from 'react';

/** How often to refetch when the portal has no signals. */
export const POLL_INTERVAL_MS = 10_000;

/** Data that follows the backend: refetched on every change signal, or polled without signals. */
export interface LiveData<T> {
  /** The last data fetched; kept while a refetch runs or after a refetch failed. */
  value?: T;
  /** The last failure; value still holds the data from before it, if any. */
  error?: Error;
  /** True until the first answer (data or error). */
  loading: boolean;
  /** When value was last confirmed by the backend. */
  updatedAt?: Date;
  /** True when changes are pushed (signals); false when polling. */
  live: boolean;
  /** Fetch again now. */
  retry: () => void;
}

/** How {@link useLiveData} polls. */
export interface LiveDataOptions {
  /** Poll this often (default {@link POLL_INTERVAL_MS}). */
  pollIntervalMs?: number;
  /** Poll with signals too, for data that changes without any object changing (usage). Default false. */
  pollWithSignals?: boolean;
}

/**
 * Fetches once, then again whenever a signal arrives on the channel; polls every 10 s when signals are
 * not available (or always, with `pollWithSignals`). At most one fetch runs at a time and at most one
 * more waits behind it, so a burst of signals costs two fetches. Changing deps starts over.
 */
export function useLiveData<T>(
  channel: string,
  fetcher: () => Promise<T>,
  deps: DependencyList,
  options: LiveDataOptions = {},
): LiveData<T> {
  const { pollIntervalMs = POLL_INTERVAL_MS, pollWithSignals = false } =
    options;
  const { lastSignal, isSignalsAvailable } = useSignal(channel);
  const [state, setState] = useState<{
    value?: T;
    error?: Error;
    loading: boolean;
    updatedAt?: Date;
  }>({ loading: true });

  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const running = useRef(false);
  const queued = useRef(false);
  const generation = useRef(0);
  const mounted = useRef(true);

  const run = useCallback(async () => {
    if (running.current) {
      queued.current = true;
      return;
    }
    running.current = true;
    try {
      do {
        queued.current = false;
        const mine = generation.current;
        try {
          const value = await fetcherRef.current();
          if (mounted.current && mine === generation.current) {
            setState({ value, loading: false, updatedAt: new Date() });
          }
        } catch (e) {
          if (mounted.current && mine === generation.current) {
            setState(prev => ({ ...prev, error: e as Error, loading: false }));
          }
        }
      } while (queued.current && mounted.current);
    } finally {
      running.current = false;
    }
  }, []);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // First fetch, and a fresh start when what is fetched changes.
  useEffect(() => {
    generation.current += 1;
    setState({ loading: true });
    queued.current = running.current;
    run();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  // Every signal on the channel (the first render's null is not one).
  useEffect(() => {
    if (lastSignal) {
      run();
    }
  }, [lastSignal, run]);

  // Without signals (or when asked to anyway), poll.
  useEffect(() => {
    if (isSignalsAvailable && !pollWithSignals) {
      return undefined;
    }
    const timer = setInterval(() => run(), pollIntervalMs);
    return () => clearInterval(timer);
  }, [isSignalsAvailable, pollWithSignals, pollIntervalMs, run]);

  return { ...state, live: isSignalsAvailable, retry: run };
}
