import { Link } from '@backstage/core-components';
import {
  Card,
  CardContent,
  Grid,
  TextField,
  Typography,
} from '@material-ui/core';
import type { Concept } from '@internal/plugin-jetstream2-kubernetes-common';
import { useState } from 'react';
import { useClusterDetails } from '../../hooks';
import { conceptCategories, concepts, guideTitle } from '../common/catalogue';
import { countForKinds, sumWorkloadCounts } from '../common/liveCounts';
import { usePluginLinks } from '../common/links';
import { useReadableLabel } from '../common/readableLabel';

const ConceptCard = ({
  concept,
  live,
}: {
  concept: Concept;
  live?: number | 'unknown';
}) => {
  const links = usePluginLinks();
  return (
    <Card variant="outlined" style={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h4">
          <Link to={links.concept(concept.id)}>
            {concept.name || concept.id}
          </Link>
        </Typography>
        {live !== undefined && (
          <Typography variant="body2" color="primary">
            {live === 'unknown'
              ? 'Live count unavailable'
              : `${live} live in the portal`}
          </Typography>
        )}
        <Typography variant="body2" paragraph>
          {concept.summary}
        </Typography>
        {(concept.guides ?? []).length > 0 && (
          <Typography variant="caption" component="div">
            Guides:{' '}
            {concept.guides.map((id, i) => (
              <span key={id}>
                {i > 0 && ', '}
                <Link to={links.guide(id)}>{guideTitle(id)}</Link>
              </span>
            ))}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
};

/** Every concept, grouped by category, with how many objects of its kind the portal sees live. */
export const ConceptGlossary = () => {
  const labelClasses = useReadableLabel();
  const clusters = useClusterDetails();
  const [filter, setFilter] = useState('');
  const totals = sumWorkloadCounts(clusters.value ?? []);
  const countsKnown =
    !clusters.error && (clusters.value ?? []).some(r => r.detail);
  const words = filter.toLocaleLowerCase('en').trim();
  const all = concepts.filter(
    c =>
      !words ||
      `${c.name} ${c.summary} ${(c.kinds ?? []).join(' ')}`
        .toLocaleLowerCase('en')
        .includes(words),
  );
  const known = new Set(conceptCategories.map(c => c.id));
  const groups = [
    ...conceptCategories.map(cat => ({
      id: cat.id as string,
      label: cat.label,
      items: all.filter(c => c.category === cat.id),
    })),
    {
      id: 'other',
      label: 'Other',
      items: all.filter(c => !known.has(c.category)),
    },
  ].filter(g => g.items.length > 0);

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} sm={6}>
        <TextField
          fullWidth
          variant="outlined"
          size="small"
          InputLabelProps={{ className: labelClasses.label }}
          id="concepts-text-filter"
          label="Filter concepts"
          value={filter}
          onChange={e => setFilter(e.target.value)}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        {clusters.loading && (
          <Typography variant="body2">Counting live objects…</Typography>
        )}
        {clusters.error && (
          <Typography variant="body2" color="error">
            Live counts unavailable: {clusters.error.message}
          </Typography>
        )}
      </Grid>
      {groups.length === 0 && (
        <Grid item xs={12}>
          <Typography>No concept matches “{filter}”.</Typography>
        </Grid>
      )}
      {groups.map(group => (
        <Grid
          item
          xs={12}
          key={group.id}
          component="section"
          aria-label={group.label}
        >
          <Typography variant="h5" component="h3" gutterBottom>
            {group.label}
          </Typography>
          <Grid container spacing={2}>
            {group.items.map(concept => {
              const count = countForKinds(concept.kinds, totals);
              let live: number | 'unknown' | undefined;
              if (count !== undefined)
                live = countsKnown || clusters.loading ? count : 'unknown';
              if (clusters.loading) live = undefined;
              return (
                <Grid item xs={12} sm={6} lg={4} key={concept.id}>
                  <ConceptCard concept={concept} live={live} />
                </Grid>
              );
            })}
          </Grid>
        </Grid>
      ))}
    </Grid>
  );
};
