export {
  LiveIndicator,
  formatAge,
  type LiveIndicatorProps,
} from './LiveIndicator';
export { StaleClusters, type StaleCluster } from './StaleClusters';
