import { Link } from '@backstage/core-components';
import {
  Box,
  Chip,
  Divider,
  ListItem,
  ListItemIcon,
  ListItemText,
} from '@material-ui/core';
import type {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import CategoryIcon from '@material-ui/icons/Category';
import MenuBookIcon from '@material-ui/icons/MenuBook';
import type { ReactNode } from 'react';

/** The search document type the jetstream2-kubernetes collator indexes. */
export const JETSTREAM2_KUBERNETES_SEARCH_TYPE = 'jetstream2-kubernetes';

/** A guide or concept document from the jetstream2-kubernetes collator. */
export interface Jetstream2KubernetesDocument extends SearchDocument {
  kind?: 'guide' | 'concept';
}

/** Props of {@link Jetstream2SearchResultListItem}. */
export interface Jetstream2SearchResultListItemProps {
  result?: SearchDocument;
  highlight?: ResultHighlight;
  rank?: number;
  icon?: ReactNode;
}

/** An icon for a guide (a book) or a concept (a shape). */
export const Jetstream2SearchIcon = ({ kind }: { kind?: string }) =>
  kind === 'concept' ? (
    <CategoryIcon titleAccess="Kubernetes concept" />
  ) : (
    <MenuBookIcon titleAccess="Jetstream2 guide" />
  );

/** A Jetstream2 guide or Kubernetes concept in the search results, with its kind and icon. */
export const Jetstream2SearchResultListItem = ({
  result,
  highlight,
  icon,
}: Jetstream2SearchResultListItemProps) => {
  if (!result) {
    return null;
  }
  const doc = result as Jetstream2KubernetesDocument;
  const kind = doc.kind === 'concept' ? 'concept' : 'guide';
  const title = highlight?.fields?.title ? (
    <HighlightedSearchResultText
      text={highlight.fields.title}
      preTag={highlight.preTag}
      postTag={highlight.postTag}
    />
  ) : (
    doc.title
  );
  const text = highlight?.fields?.text ? (
    <HighlightedSearchResultText
      text={highlight.fields.text}
      preTag={highlight.preTag}
      postTag={highlight.postTag}
    />
  ) : (
    doc.text
  );
  return (
    <>
      <ListItem alignItems="flex-start">
        <ListItemIcon>
          {icon ? <>{icon}</> : <Jetstream2SearchIcon kind={kind} />}
        </ListItemIcon>
        <Box flexWrap="wrap" width="100%">
          <ListItemText
            primaryTypographyProps={{ variant: 'h6' }}
            primary={
              <Link noTrack to={doc.location}>
                {title}
              </Link>
            }
            secondary={text}
          />
          <Chip
            size="small"
            label={
              kind === 'concept' ? 'Kubernetes concept' : 'Jetstream2 guide'
            }
          />
        </Box>
      </ListItem>
      <Divider component="li" />
    </>
  );
};
