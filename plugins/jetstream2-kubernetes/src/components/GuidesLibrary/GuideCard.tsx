import { Link } from '@backstage/core-components';
import {
  Card,
  CardActions,
  CardContent,
  Chip,
  Typography,
} from '@material-ui/core';
import type {
  Guide,
  GuideSource,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { conceptName } from '../common/catalogue';
import { templateLink, usePluginLinks } from '../common/links';

export const sourceLabel: Record<string, string> = {
  'jetstream2-docs': 'Jetstream2 docs',
  'zonca.dev': 'zonca.dev',
  'kubernetes.io': 'Kubernetes docs',
} satisfies Record<GuideSource, string>;

/** A guide in the library: what it is for, its concepts, where to read it. */
export const GuideCard = ({ guide }: { guide: Guide }) => {
  const links = usePluginLinks();
  const template = guide.templateRef
    ? templateLink(guide.templateRef)
    : undefined;
  return (
    <Card
      variant="outlined"
      style={{ height: '100%', display: 'flex', flexDirection: 'column' }}
    >
      <CardContent style={{ flexGrow: 1 }}>
        <Typography variant="overline" color="textSecondary">
          {sourceLabel[guide.source] ?? guide.source ?? 'Guide'}
          {guide.superseded ? ' · superseded' : ''}
        </Typography>
        <Typography variant="h6" component="h3">
          <Link to={links.guide(guide.id)}>{guide.title || guide.id}</Link>
        </Typography>
        <Typography variant="body2" paragraph>
          {guide.summary}
        </Typography>
        <div aria-label="Concepts">
          {(guide.concepts ?? []).map(id => (
            <Link key={id} to={links.concept(id)} underline="none">
              <Chip
                size="small"
                label={conceptName(id)}
                style={{ margin: 2, cursor: 'pointer' }}
              />
            </Link>
          ))}
        </div>
      </CardContent>
      <CardActions>
        {guide.url && <Link to={guide.url}>Read the original</Link>}
        {template && <Link to={template}>Use the template</Link>}
      </CardActions>
    </Card>
  );
};
