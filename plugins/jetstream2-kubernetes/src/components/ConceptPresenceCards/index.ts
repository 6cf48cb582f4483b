export { ConceptPresenceCards } from './ConceptPresenceCards';
