export { NoWorkloadsPanel } from './NoWorkloadsPanel';
