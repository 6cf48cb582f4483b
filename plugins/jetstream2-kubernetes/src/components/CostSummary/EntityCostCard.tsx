import { InfoCard } from '@backstage/core-components';
import { makeStyles, Typography } from '@material-ui/core';
import type { EntityCost } from '@internal/plugin-jetstream2-kubernetes-common';
import { formatSu } from '../common/format';

/** "12 SU per hour · 8,760 SU per month". */
export function costLine(cost: { suPerHour: number; suPerMonth: number }) {
  return `${formatSu(cost.suPerHour)} per hour · ${formatSu(
    cost.suPerMonth,
  )} per month`;
}

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: theme.spacing(1, 0, 0), padding: 0 },
  // name on the left, figures on the right; in a narrow column the figures go under the name
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    columnGap: theme.spacing(2),
    padding: theme.spacing(0.75, 0),
    borderTop: `1px solid ${theme.palette.divider}`,
  },
  name: { overflowWrap: 'break-word', minWidth: 0 },
  figures: { whiteSpace: 'nowrap' },
}));

/** What the service's pods cost the allocation, and the workloads that drive it. */
export const EntityCostCard = ({ cost }: { cost: EntityCost }) => {
  const classes = useStyles();
  const rows = cost.byWorkload ?? [];
  const unknown = cost.unknownFlavorPods ?? [];
  return (
    <InfoCard
      title="What it costs"
      subheader="Each pod's share of its node, in Jetstream2 service units"
    >
      <Typography variant="h6" component="p">
        {costLine(cost)}
      </Typography>
      {rows.length > 0 && (
        <ul className={classes.list} aria-label="Cost by workload">
          {rows.map(w => (
            <li
              key={`${w.kind}/${w.namespace}/${w.name}`}
              className={classes.row}
            >
              <span className={classes.name}>
                <span title={`${w.kind} ${w.namespace}/${w.name}`}>
                  {w.name}
                </span>{' '}
                <Typography variant="caption" color="textSecondary">
                  {w.kind}
                </Typography>
              </span>
              <span className={classes.figures}>
                {formatSu(w.suPerHour)} per hour
                {cost.suPerHour > 0 &&
                  ` · ${Math.round((w.suPerHour / cost.suPerHour) * 100)}%`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {(cost.byCluster ?? []).length > 1 && (
        <Typography variant="body2" style={{ marginTop: 8 }}>
          By cluster:{' '}
          {cost.byCluster
            .map(c => `${c.cluster} ${formatSu(c.suPerHour)}/h`)
            .join(', ')}
        </Typography>
      )}
      {unknown.length > 0 && (
        <Typography
          variant="body2"
          color="textSecondary"
          style={{ marginTop: 8 }}
        >
          Not counted (node flavor unknown): {unknown.join(', ')}.
        </Typography>
      )}
    </InfoCard>
  );
};
