export { EventsTable, sortEvents, isWarning } from './EventsTable';
