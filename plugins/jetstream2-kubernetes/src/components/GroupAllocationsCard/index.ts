export { GroupAllocationsCard } from './GroupAllocationsCard';
