export { RecommendedGuides } from './RecommendedGuides';
