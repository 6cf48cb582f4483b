import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import type { AllocationResponse } from '@internal/plugin-jetstream2-kubernetes-common';
import { formatSu } from '../common/format';

const pct = (share: number) => `${Math.round(share * 100)}%`;
const num = {
  align: 'right' as const,
  style: { whiteSpace: 'nowrap' as const },
};
/** Headers wrap between words in a narrow card; names wrap only where a name cannot fit on its own. */
const head = { align: 'right' as const };
const name = {
  style: { overflowWrap: 'break-word' as const, minWidth: '7em' },
};

/** Who burns the allocation: services first (with what the runway would be without them), then clusters. */
export const SpendersCard = ({
  allocation: a,
}: {
  allocation: AllocationResponse;
}) => {
  const window =
    a.burnBasis === 'history' ? `over the last ${a.windowDays} days` : 'now';
  return (
    <InfoCard title="Biggest spenders" subheader={`Mean SU per hour ${window}`}>
      <Typography variant="subtitle2" component="h3">
        By service
      </Typography>
      {a.byEntity.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No service is charged to this allocation: its burn is the nodes of its
          clusters.
        </Typography>
      ) : (
        <Table size="small" aria-label="Burn by service">
          <TableHead>
            <TableRow>
              <TableCell>Service</TableCell>
              <TableCell {...head}>SU per hour</TableCell>
              <TableCell {...head}>Share</TableCell>
              <TableCell {...head}>Runway without it</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {a.byEntity.map(e => (
              <TableRow key={e.entityRef}>
                <TableCell {...name}>
                  <EntityRefLink entityRef={e.entityRef} title={e.title} />
                </TableCell>
                <TableCell {...num}>{formatSu(e.suPerHour)}</TableCell>
                <TableCell {...num}>{pct(e.share)}</TableCell>
                <TableCell {...num}>
                  {e.runwayDaysWithout === null
                    ? 'no burn left'
                    : `${e.runwayDaysWithout} days`}
                </TableCell>
              </TableRow>
            ))}
            {a.otherSuPerHour > 0.05 && (
              <TableRow>
                <TableCell>
                  <Typography variant="body2" color="textSecondary">
                    Idle capacity and pods of no service
                  </Typography>
                </TableCell>
                <TableCell {...num}>{formatSu(a.otherSuPerHour)}</TableCell>
                <TableCell {...num}>
                  {a.burnSuPerHour > 0
                    ? pct(a.otherSuPerHour / a.burnSuPerHour)
                    : '–'}
                </TableCell>
                <TableCell {...num}>–</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      )}
      <Typography variant="subtitle2" component="h3" style={{ marginTop: 16 }}>
        By cluster
      </Typography>
      <Table size="small" aria-label="Burn by cluster">
        <TableHead>
          <TableRow>
            <TableCell>Cluster</TableCell>
            <TableCell>Charged for</TableCell>
            <TableCell {...head}>SU per hour</TableCell>
            <TableCell {...head}>Share</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {a.byCluster.map(c => (
            <TableRow key={c.cluster}>
              <TableCell {...name}>{c.cluster}</TableCell>
              <TableCell>
                {c.paysForNodes ? 'its nodes' : "its services' pods"}
              </TableCell>
              <TableCell {...num}>{formatSu(c.suPerHour)}</TableCell>
              <TableCell {...num}>{pct(c.share)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
};
