export { ConceptDetail } from './ConceptDetail';
