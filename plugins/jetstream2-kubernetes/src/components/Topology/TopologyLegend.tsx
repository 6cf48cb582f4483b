import { makeStyles, Typography } from '@material-ui/core';
import type { ObjectVerdict } from '@internal/plugin-jetstream2-kubernetes-common';
import { verdictLabel } from '../common/VerdictStatus';
import { edgeStyles, useEdgeStyles } from './TopologyEdgePath';
import { verdictColor } from './TopologyNodeBox';

const useStyles = makeStyles(theme => ({
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1, 3),
    alignItems: 'center',
    listStyle: 'none',
    padding: 0,
    margin: 0,
  },
  item: { display: 'inline-flex', alignItems: 'center', gap: 6 },
}));

const VERDICTS: ObjectVerdict[] = [
  'error',
  'warning',
  'progressing',
  'ok',
  'done',
];

/** What the lines and the coloured stripes of the graph mean, in words. */
export const TopologyLegend = () => {
  const classes = useStyles();
  const edge = useEdgeStyles();
  return (
    <div>
      <ul className={classes.legend} aria-label="What the lines mean">
        {edgeStyles.map(s => (
          <li key={s.style} className={classes.item}>
            <svg width="36" height="10" aria-hidden="true">
              <line
                x1="2"
                y1="5"
                x2="34"
                y2="5"
                className={`${edge.path} ${edge[s.style]}`}
              />
            </svg>
            <Typography variant="body2" component="span">
              {s.words}
            </Typography>
          </li>
        ))}
      </ul>
      <ul className={classes.legend} aria-label="What the colours mean">
        {VERDICTS.map(v => (
          <li key={v} className={classes.item}>
            <svg width="8" height="16" aria-hidden="true">
              <rect width="6" height="16" rx="2" fill={verdictColor[v]} />
            </svg>
            <Typography variant="body2" component="span">
              {verdictLabel[v]}
            </Typography>
          </li>
        ))}
      </ul>
    </div>
  );
};
