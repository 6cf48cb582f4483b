export { PodsSection } from './PodsSection';
