export { AllocationPage } from './AllocationPage';
export { AllocationView } from './AllocationView';
