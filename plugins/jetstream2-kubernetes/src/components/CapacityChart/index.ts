export { CapacityChart } from './CapacityChart';
