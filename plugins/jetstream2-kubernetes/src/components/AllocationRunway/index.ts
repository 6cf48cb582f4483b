export { AllocationRunwayList } from './AllocationRunwayList';
export { YourAllocations } from './YourAllocations';
export {
  balanceText,
  burnBasisText,
  formatDay,
  runwayText,
  runwayUrgency,
} from './runwayText';
