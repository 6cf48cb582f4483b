import { Link } from '@backstage/core-components';
import { Grid, Paper, Typography } from '@material-ui/core';
import type {
  ClusterDetail,
  ObjectVerdict,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { guideTitle } from '../common/catalogue';
import { usePluginLinks } from '../common/links';
import { VerdictStatus } from '../common/VerdictStatus';
import { componentFacts, type ComponentFact } from './componentFacts';

/** Green when healthy; amber when nodes need a look; red when failing; grey when the data does not tell. */
function factVerdict(fact: ComponentFact): ObjectVerdict {
  if (fact.healthy === true) return 'ok';
  if (fact.healthy === undefined) return 'done';
  return (fact.problems ?? []).length > 0 ? 'warning' : 'error';
}

const Problems = ({ fact }: { fact: ComponentFact }) => {
  const links = usePluginLinks();
  const problems = fact.problems ?? [];
  if (problems.length === 0) return null;
  return (
    <ul
      style={{ margin: '4px 0 0', paddingLeft: 18, overflowWrap: 'break-word' }}
    >
      {problems.map(p => (
        <li key={`${p.node}-${p.reason}`}>
          <Typography variant="caption" component="span">
            {p.node}: {p.reason}.{' '}
            <Link to={links.guide(p.guideId)}>{guideTitle(p.guideId)}</Link>
          </Typography>
        </li>
      ))}
    </ul>
  );
};

/** The cluster's components as concept cards with live facts. */
export const ComponentCards = ({ detail }: { detail: ClusterDetail }) => {
  const links = usePluginLinks();
  return (
    <Grid
      container
      spacing={2}
      component="ul"
      style={{ listStyle: 'none', padding: 0, marginTop: 0, marginBottom: 0 }}
    >
      {componentFacts(detail).map(fact => (
        <Grid
          item
          xs={12}
          sm={6}
          md={4}
          xl={3}
          key={fact.conceptId}
          component="li"
        >
          <Paper
            variant="outlined"
            style={{ padding: 12, height: '100%', overflowWrap: 'break-word' }}
          >
            <Typography variant="subtitle2" component="h4">
              <Link to={links.concept(fact.conceptId)}>{fact.label}</Link>
            </Typography>
            <Typography variant="body2" component="div">
              <VerdictStatus verdict={factVerdict(fact)} wrap>
                {fact.fact}
              </VerdictStatus>
            </Typography>
            <Problems fact={fact} />
          </Paper>
        </Grid>
      ))}
    </Grid>
  );
};
