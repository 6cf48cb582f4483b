export { ClusterContextCard, ComponentCards } from './ClusterContextCard';
export { componentFacts, type ComponentFact } from './componentFacts';
