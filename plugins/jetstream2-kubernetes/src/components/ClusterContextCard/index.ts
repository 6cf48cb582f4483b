export { ClusterContextCard } from './ClusterContextCard';
export { ComponentCards } from './ComponentCards';
export { componentFacts, type ComponentFact } from './componentFacts';
