export { useCluster } from './useCluster';
export {
  useClusterDetails,
  type ClusterDetailResult,
} from './useClusterDetails';
export { useEntityWorkloads } from './useEntityWorkloads';
export { useTemplates } from './useTemplates';
export { useLiveData, POLL_INTERVAL_MS, type LiveData } from './useLiveData';
