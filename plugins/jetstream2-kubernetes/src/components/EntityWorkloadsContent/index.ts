export { EntityWorkloadsContent } from './EntityWorkloadsContent';
