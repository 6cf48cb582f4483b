export { EntityTopologyContent } from './EntityTopologyContent';
