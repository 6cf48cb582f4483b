export { GuidesLibrary } from './GuidesLibrary';
export { GuideCard } from './GuideCard';
