export { HomePageCard } from './HomePageCard';
