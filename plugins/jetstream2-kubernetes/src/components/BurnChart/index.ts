export { BurnChart } from './BurnChart';
