export { PodsSection } from './PodsSection';
export { EntityPodsTable, type EntityPodsTableProps } from './EntityPodsTable';
