export {
  Jetstream2SearchResultListItem,
  Jetstream2SearchIcon,
  JETSTREAM2_KUBERNETES_SEARCH_TYPE,
  type Jetstream2SearchResultListItemProps,
  type Jetstream2KubernetesDocument,
} from './Jetstream2SearchResultListItem';
