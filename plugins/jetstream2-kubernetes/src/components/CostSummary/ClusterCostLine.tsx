import { Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type { ClusterCost } from '@internal/plugin-jetstream2-kubernetes-common';
import { formatSu } from '../common/format';
import { costLine } from './EntityCostCard';

/** A cluster's burn, its idle share, and the nodes whose flavor is unknown (never counted as free). */
export const ClusterCostLine = ({ cost }: { cost: ClusterCost }) => {
  const idleShare =
    cost.suPerHour > 0
      ? Math.round((cost.idleSuPerHour / cost.suPerHour) * 100)
      : 0;
  const unknown = cost.unknownFlavorNodes ?? [];
  return (
    <>
      <Typography variant="body2" gutterBottom>
        Burns {costLine(cost)}; idle (requested by no pod){' '}
        {formatSu(cost.idleSuPerHour)} per hour, {idleShare}%.
      </Typography>
      {unknown.length > 0 && (
        <Alert severity="warning" style={{ marginBottom: 8 }}>
          Cost not counted for {unknown.length} node
          {unknown.length === 1 ? '' : 's'} of unknown flavor:{' '}
          {unknown.join(', ')}.
        </Alert>
      )}
    </>
  );
};
