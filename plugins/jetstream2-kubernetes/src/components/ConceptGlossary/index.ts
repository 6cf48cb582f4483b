export { ConceptGlossary } from './ConceptGlossary';
