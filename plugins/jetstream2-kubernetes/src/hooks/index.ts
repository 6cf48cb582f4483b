export { useCluster } from './useCluster';
export {
  useClusterDetails,
  type ClusterDetailResult,
} from './useClusterDetails';
export { useEntityWorkloads } from './useEntityWorkloads';
export { usePodUsage, POD_USAGE_POLL_MS } from './usePodUsage';
export { useTemplates } from './useTemplates';
export {
  useLiveData,
  POLL_INTERVAL_MS,
  type LiveData,
  type LiveDataOptions,
} from './useLiveData';
export { useAllocation, ALLOCATION_POLL_MS } from './useAllocation';
export {
  useOwnedAllocations,
  type OwnedAllocation,
} from './useOwnedAllocations';
