import { Link } from '@backstage/core-components';
import {
  Card,
  CardActions,
  CardContent,
  Chip,
  Grid,
  Typography,
} from '@material-ui/core';
import type { ConceptPresence } from '@internal/plugin-jetstream2-kubernetes-common';
import { conceptName, getConcept } from '../common/catalogue';
import { usePluginLinks } from '../common/links';

function presenceSummary(p: ConceptPresence): string {
  if (p.summary) return p.summary;
  return `${p.count} ${p.kind}${p.count === 1 ? '' : 's'}`;
}

/** A card for every kind the entity has: live counts and states, linking to the concept. */
export const ConceptPresenceCards = ({
  concepts,
}: {
  concepts: ConceptPresence[];
}) => {
  const links = usePluginLinks();
  if (concepts.length === 0) {
    return null;
  }
  return (
    <Grid
      container
      spacing={2}
      component="ul"
      style={{ listStyle: 'none', padding: 0 }}
    >
      {concepts.map(p => {
        const name = conceptName(p.conceptId);
        const concept = getConcept(p.conceptId);
        return (
          <Grid
            item
            xs={12}
            sm={6}
            lg={3}
            key={`${p.conceptId}-${p.kind}`}
            component="li"
          >
            <Card
              component="article"
              variant="outlined"
              style={{ height: '100%' }}
              aria-label={`${name} concept`}
            >
              <CardContent>
                <Typography variant="overline" color="textSecondary">
                  Concept
                </Typography>
                <Typography variant="h6" component="h3">
                  {name}
                </Typography>
                <Typography variant="body1">{presenceSummary(p)}</Typography>
                <div>
                  {Object.entries(p.states ?? {}).map(([state, count]) => (
                    <Chip
                      key={state}
                      size="small"
                      label={`${state}: ${count}`}
                    />
                  ))}
                </div>
                {concept?.summary && (
                  <Typography variant="body2" color="textSecondary">
                    {concept.summary}
                  </Typography>
                )}
              </CardContent>
              <CardActions>
                <Link to={links.concept(p.conceptId)}>Learn about {name}</Link>
              </CardActions>
            </Card>
          </Grid>
        );
      })}
    </Grid>
  );
};
