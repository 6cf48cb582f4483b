export { EntityCostCard, costLine } from './EntityCostCard';
export { ClusterCostLine } from './ClusterCostLine';
