export { EntityOverviewCard } from './EntityOverviewCard';
export { summarize, podLine } from './summary';
