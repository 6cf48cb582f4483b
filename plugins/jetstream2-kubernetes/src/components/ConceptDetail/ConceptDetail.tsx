import { EmptyState, InfoCard, Link } from '@backstage/core-components';
import type { Concept } from '@internal/plugin-jetstream2-kubernetes-common';
import { Chip, Grid, Typography } from '@material-ui/core';
import { useParams } from 'react-router-dom';
import { useClusterDetails } from '../../hooks';
import { conceptName, getConcept, guideTitle } from '../common/catalogue';
import { countForKinds, sumWorkloadCounts } from '../common/liveCounts';
import { usePluginLinks } from '../common/links';

/** A known concept, with the live count of its kinds across the portal's clusters. */
const ConceptView = ({ concept }: { concept: Concept }) => {
  const links = usePluginLinks();
  const clusters = useClusterDetails();
  const paragraphs = (concept.description || concept.summary || '')
    .split(/\n\s*\n/)
    .map(p => p.trim())
    .filter(Boolean);
  const live = countForKinds(
    concept.kinds,
    sumWorkloadCounts(clusters.value ?? []),
  );
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Link to={links.tab('concepts')}>← All concepts</Link>
        <Typography variant="h4" component="h2" style={{ marginTop: 8 }}>
          {concept.name || concept.id}
        </Typography>
        <Typography variant="subtitle1" color="textSecondary">
          {concept.summary}
        </Typography>
      </Grid>
      <Grid item xs={12} md={8}>
        <InfoCard title="Explained">
          {paragraphs.map((p, i) => (
            <Typography key={i} variant="body1" paragraph>
              {p}
            </Typography>
          ))}
          {concept.referenceUrl && (
            <Link to={concept.referenceUrl}>
              Kubernetes reference documentation
            </Link>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="In this portal">
          {(concept.kinds ?? []).length > 0 && (
            <Typography variant="body1" paragraph>
              Kinds: {concept.kinds.join(', ')}.{' '}
              {liveCountText(clusters.loading, clusters.error, live)}
            </Typography>
          )}
          <Typography variant="h6" component="h3">
            Guides
          </Typography>
          {(concept.guides ?? []).length === 0 ? (
            <Typography variant="body2">No guide covers it yet.</Typography>
          ) : (
            <ul style={{ marginTop: 0 }}>
              {concept.guides.map(id => (
                <li key={id}>
                  <Link to={links.guide(id)}>{guideTitle(id)}</Link>
                </li>
              ))}
            </ul>
          )}
          {(concept.related ?? []).length > 0 && (
            <>
              <Typography variant="h6" component="h3">
                Related
              </Typography>
              <div>
                {concept.related.map(id => (
                  <Link key={id} to={links.concept(id)} underline="none">
                    <Chip
                      size="small"
                      label={conceptName(id)}
                      style={{ margin: 2, cursor: 'pointer' }}
                    />
                  </Link>
                ))}
              </div>
            </>
          )}
        </InfoCard>
      </Grid>
    </Grid>
  );
};

/** One concept: /jetstream2-kubernetes/concepts/:conceptId (where search results link to). */
export const ConceptDetail = () => {
  const { conceptId = '' } = useParams();
  const links = usePluginLinks();
  const concept = getConcept(conceptId);
  if (!concept)
    return (
      <EmptyState
        missing="info"
        title={`No concept with the id “${conceptId}”`}
        description="The link may be old or mistyped. The concepts page lists every concept."
        action={<Link to={links.tab('concepts')}>← All concepts</Link>}
      />
    );
  return <ConceptView concept={concept} />;
};

function liveCountText(
  loading: boolean,
  error: unknown,
  live: number | undefined,
): string {
  if (loading) return 'Counting live objects…';
  if (error) return 'Live count unavailable.';
  return `${live ?? 0} live across the portal's clusters.`;
}
