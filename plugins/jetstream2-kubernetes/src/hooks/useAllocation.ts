import { useApi } from '@backstage/core-plugin-api';
import { jetstream2KubernetesApiRef, type AllocationName } from '../api';
import { useLiveData } from './useLiveData';

/** The history gains a sample every few minutes (hourly buckets): no need to ask more often than this. */
export const ALLOCATION_POLL_MS = 60_000;

/** An allocation's balance, burn history and runway, fetched again every minute. */
export function useAllocation(allocation: AllocationName) {
  const api = useApi(jetstream2KubernetesApiRef);
  const namespace = allocation.namespace || 'default';
  return useLiveData(
    // no signal is sent for allocations: the page polls
    'jetstream2-kubernetes:allocations',
    () => api.getAllocation({ namespace, name: allocation.name }),
    [api, namespace, allocation.name],
    { pollIntervalMs: ALLOCATION_POLL_MS, pollWithSignals: true },
  );
}
