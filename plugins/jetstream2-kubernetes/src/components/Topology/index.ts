export { TopologyView } from './TopologyView';
export type { TopologyNodeActions } from './TopologySidePanel';
