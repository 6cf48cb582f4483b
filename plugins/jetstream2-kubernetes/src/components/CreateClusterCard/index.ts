export { CreateClusterCard } from './CreateClusterCard';
