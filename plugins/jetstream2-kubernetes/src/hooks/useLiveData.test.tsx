import { act, renderHook, waitFor } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { signalApiRef, type SignalApi } from '@backstage/plugin-signals-react';
import type { JsonObject } from '@backstage/types';
import type { ReactNode } from 'react';
import { POLL_INTERVAL_MS, useLiveData } from './useLiveData';

/** A signal API whose messages the test sends by hand. */
class FakeSignals implements SignalApi {
  private readonly listeners = new Map<string, Set<(m: any) => void>>();

  subscribe<T extends JsonObject>(channel: string, onMessage: (m: T) => void) {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(onMessage);
    this.listeners.set(channel, set);
    return { unsubscribe: () => set.delete(onMessage) };
  }

  send(channel: string, message: JsonObject) {
    for (const l of this.listeners.get(channel) ?? []) l(message);
  }
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('useLiveData', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('refetches when a signal arrives and keeps the last data meanwhile', async () => {
    const signals = new FakeSignals();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[signalApiRef, signals]]}>
        {children}
      </TestApiProvider>
    );
    let n = 0;
    const next = deferred<void>();
    const fetcher = jest.fn(async () => {
      n += 1;
      if (n === 2) await next.promise;
      return `answer ${n}`;
    });
    const { result } = renderHook(() => useLiveData('ch', fetcher, []), {
      wrapper,
    });
    await waitFor(() => expect(result.current.value).toBe('answer 1'));
    expect(result.current.live).toBe(true);
    expect(result.current.loading).toBe(false);

    act(() => signals.send('ch', { version: '2' }));
    await waitFor(() => expect(fetcher).toHaveBeenCalledTimes(2));
    // While the refetch runs, the old data stays.
    expect(result.current.value).toBe('answer 1');
    expect(result.current.loading).toBe(false);
    next.resolve();
    await waitFor(() => expect(result.current.value).toBe('answer 2'));

    // Another channel does not refetch.
    act(() => signals.send('other', { version: '3' }));
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('coalesces a burst of signals into one running and one queued fetch', async () => {
    const signals = new FakeSignals();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[signalApiRef, signals]]}>
        {children}
      </TestApiProvider>
    );
    const gates: Array<() => void> = [];
    let calls = 0;
    const fetcher = jest.fn(() => {
      calls += 1;
      const call = calls;
      return new Promise<number>(resolve => gates.push(() => resolve(call)));
    });
    const { result } = renderHook(() => useLiveData('ch', fetcher, []), {
      wrapper,
    });
    await waitFor(() => expect(gates).toHaveLength(1));
    for (let i = 0; i < 20; i++) {
      act(() => signals.send('ch', { version: String(i) }));
    }
    expect(fetcher).toHaveBeenCalledTimes(1);
    await act(async () => gates[0]());
    await waitFor(() => expect(fetcher).toHaveBeenCalledTimes(2));
    await act(async () => gates[1]());
    await waitFor(() => expect(result.current.value).toBe(2));
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('keeps the data and reports the error when a refetch fails', async () => {
    const signals = new FakeSignals();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[signalApiRef, signals]]}>
        {children}
      </TestApiProvider>
    );
    let fail = false;
    const fetcher = async () => {
      if (fail) throw new Error('backend down');
      return 'data';
    };
    const { result } = renderHook(() => useLiveData('ch', fetcher, []), {
      wrapper,
    });
    await waitFor(() => expect(result.current.value).toBe('data'));
    fail = true;
    act(() => signals.send('ch', { version: '2' }));
    await waitFor(() =>
      expect(result.current.error?.message).toBe('backend down'),
    );
    expect(result.current.value).toBe('data');
  });

  it('polls every 10 s when signals are not available', async () => {
    jest.useFakeTimers();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[]}>{children}</TestApiProvider>
    );
    let n = 0;
    const fetcher = jest.fn(async () => ++n);
    const { result } = renderHook(() => useLiveData('ch', fetcher, []), {
      wrapper,
    });
    await act(async () => {});
    expect(result.current.value).toBe(1);
    expect(result.current.live).toBe(false);

    await act(async () => {
      jest.advanceTimersByTime(POLL_INTERVAL_MS - 1);
    });
    expect(fetcher).toHaveBeenCalledTimes(1);
    await act(async () => {
      jest.advanceTimersByTime(1);
    });
    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(result.current.value).toBe(2);
    await act(async () => {
      jest.advanceTimersByTime(POLL_INTERVAL_MS);
    });
    expect(result.current.value).toBe(3);
  });

  it('polls at the interval asked for even with signals, when told to', async () => {
    jest.useFakeTimers();
    const signals = new FakeSignals();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[signalApiRef, signals]]}>
        {children}
      </TestApiProvider>
    );
    const fetcher = jest.fn(async () => 'usage');
    const { result } = renderHook(
      () =>
        useLiveData('ch', fetcher, [], {
          pollIntervalMs: 15_000,
          pollWithSignals: true,
        }),
      { wrapper },
    );
    await act(async () => {});
    expect(result.current.live).toBe(true);
    expect(fetcher).toHaveBeenCalledTimes(1);
    await act(async () => {
      jest.advanceTimersByTime(14_999);
    });
    expect(fetcher).toHaveBeenCalledTimes(1);
    await act(async () => {
      jest.advanceTimersByTime(1);
    });
    expect(fetcher).toHaveBeenCalledTimes(2);
    // and a signal still refetches
    await act(async () => signals.send('ch', { version: '2' }));
    expect(fetcher).toHaveBeenCalledTimes(3);
  });

  it('starts over when its dependencies change', async () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[]}>{children}</TestApiProvider>
    );
    const { result, rerender } = renderHook(
      ({ id }: { id: string }) => useLiveData('ch', async () => id, [id]),
      { wrapper, initialProps: { id: 'a' } },
    );
    await waitFor(() => expect(result.current.value).toBe('a'));
    rerender({ id: 'b' });
    await waitFor(() => expect(result.current.value).toBe('b'));
  });
});
