export { GuideDetail } from './GuideDetail';
