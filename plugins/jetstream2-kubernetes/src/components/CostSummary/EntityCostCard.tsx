import { InfoCard } from '@backstage/core-components';
import {
  Table as MuiTable,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import type { EntityCost } from '@internal/plugin-jetstream2-kubernetes-common';
import { formatSu } from '../common/format';

/** "12 SU per hour · 8,760 SU per month". */
export function costLine(cost: { suPerHour: number; suPerMonth: number }) {
  return `${formatSu(cost.suPerHour)} per hour · ${formatSu(
    cost.suPerMonth,
  )} per month`;
}

/** What the service's pods cost the allocation, and the workloads that drive it. */
export const EntityCostCard = ({ cost }: { cost: EntityCost }) => {
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
        <MuiTable
          size="small"
          aria-label="Cost by workload"
          style={{ tableLayout: 'fixed', width: '100%' }}
        >
          <TableHead>
            <TableRow>
              <TableCell>Workload</TableCell>
              <TableCell
                align="right"
                style={{ width: '9em', whiteSpace: 'nowrap' }}
              >
                SU per hour
              </TableCell>
              <TableCell
                align="right"
                style={{ width: '6.5em', whiteSpace: 'nowrap' }}
              >
                Share
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(w => (
              <TableRow key={`${w.kind}/${w.namespace}/${w.name}`}>
                <TableCell style={{ overflowWrap: 'anywhere' }}>
                  {/* wraps in the narrow side column rather than cutting the name to "De…" */}
                  <span title={`${w.kind} ${w.namespace}/${w.name}`}>
                    {w.name}
                  </span>{' '}
                  <Typography variant="caption" color="textSecondary">
                    {w.kind}
                  </Typography>
                </TableCell>
                <TableCell align="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatSu(w.suPerHour)}
                </TableCell>
                <TableCell align="right">
                  {cost.suPerHour > 0
                    ? `${Math.round((w.suPerHour / cost.suPerHour) * 100)}%`
                    : '–'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </MuiTable>
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
