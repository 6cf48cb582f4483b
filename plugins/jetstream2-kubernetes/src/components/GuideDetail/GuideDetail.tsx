import { EmptyState, InfoCard, Link } from '@backstage/core-components';
import { Chip, Grid, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useParams } from 'react-router-dom';
import { conceptName, getGuide } from '../common/catalogue';
import { templateLink, usePluginLinks } from '../common/links';
import { sourceLabel } from '../GuidesLibrary/GuideCard';

/** One guide: /jetstream2-kubernetes/guides/:guideId (where search results link to). */
export const GuideDetail = () => {
  const { guideId = '' } = useParams();
  const links = usePluginLinks();
  const guide = getGuide(guideId);
  if (!guide)
    return (
      <EmptyState
        missing="info"
        title={`No guide with the id “${guideId}”`}
        description="The link may be old or mistyped. The guides page lists every guide."
        action={<Link to={links.root}>← All guides</Link>}
      />
    );
  const template = guide.templateRef
    ? templateLink(guide.templateRef)
    : undefined;
  const list = (items: string[] | undefined, ordered = false) => {
    if (!items || items.length === 0)
      return <Typography variant="body2">–</Typography>;
    const Tag = ordered ? 'ol' : 'ul';
    return (
      <Tag style={{ marginTop: 0 }}>
        {items.map(item => (
          <li key={item}>
            <Typography variant="body2">{item}</Typography>
          </li>
        ))}
      </Tag>
    );
  };
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Link to={links.root}>← All guides</Link>
        <Typography variant="h4" component="h2" style={{ marginTop: 8 }}>
          {guide.title || guide.id}
        </Typography>
        <Typography variant="subtitle1" color="textSecondary">
          {sourceLabel[guide.source] ?? guide.source}
        </Typography>
        {guide.superseded && (
          <Alert severity="warning">
            This guide is superseded; prefer{' '}
            <Link to={links.guide('k8s-magnum')}>Magnum</Link> for new clusters.
          </Alert>
        )}
      </Grid>
      <Grid item xs={12} md={8}>
        <InfoCard title="What it is for">
          <Typography variant="body1" paragraph>
            {guide.summary}
          </Typography>
          <Typography variant="body2" paragraph>
            <strong>When to use it:</strong> {guide.purpose || '–'}
          </Typography>
          <Typography variant="h6" component="h3">
            Steps
          </Typography>
          {list(guide.steps, true)}
          <Typography variant="h6" component="h3">
            Before you start
          </Typography>
          {list(guide.prerequisites)}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="Read and do">
          {guide.url && (
            <Typography variant="body1" paragraph>
              <Link to={guide.url}>Read the original guide</Link>
            </Typography>
          )}
          {template && (
            <Typography variant="body1" paragraph>
              <Link to={template}>Start from the template</Link>
            </Typography>
          )}
          {(guide.links ?? []).length > 0 && (
            <>
              <Typography variant="h6" component="h3">
                Read next
              </Typography>
              <ul style={{ marginTop: 0 }}>
                {guide.links!.map(link => (
                  <li key={link.url}>
                    <Typography variant="body2">
                      <Link to={link.url}>{link.title}</Link>
                    </Typography>
                  </li>
                ))}
              </ul>
            </>
          )}
          <Typography variant="h6" component="h3">
            Tools
          </Typography>
          {list(guide.tools)}
          <Typography variant="h6" component="h3">
            Concepts
          </Typography>
          <div>
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
        </InfoCard>
      </Grid>
    </Grid>
  );
};
