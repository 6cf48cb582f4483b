import { InfoCard } from '@backstage/core-components';
import { Grid } from '@material-ui/core';
import type { AllocationResponse } from '@internal/plugin-jetstream2-kubernetes-common';
import { BurnChart } from '../BurnChart';
import { IdleCapacityCard } from './IdleCapacityCard';
import { RunwayCard } from './RunwayCard';
import { SpendersCard } from './SpendersCard';

/** "minute", "5 minutes", "hour", "2 hours". */
function bucketText(minutes: number): string {
  if (minutes % 60 === 0) {
    const hours = minutes / 60;
    return hours === 1 ? 'hour' : `${hours} hours`;
  }
  return minutes === 1 ? 'minute' : `${minutes} minutes`;
}

/** One allocation: the runway, the burn over time, the biggest spenders, and idle capacity. */
export const AllocationView = ({
  allocation,
}: {
  allocation: AllocationResponse;
}) => (
  <Grid container spacing={3} alignItems="stretch">
    <Grid item xs={12} lg={5}>
      <RunwayCard allocation={allocation} />
    </Grid>
    <Grid item xs={12} lg={7}>
      <InfoCard
        title="SU burn over time"
        subheader={`One sample per ${bucketText(
          allocation.bucketMinutes,
        )}, measured by the portal`}
      >
        <BurnChart
          points={allocation.history}
          bucketMinutes={allocation.bucketMinutes}
          mean={
            allocation.burnBasis === 'history'
              ? allocation.burnSuPerHour
              : undefined
          }
          title={`SU burn of allocation ${allocation.allocationId}`}
        />
      </InfoCard>
    </Grid>
    <Grid item xs={12} md={7}>
      <SpendersCard allocation={allocation} />
    </Grid>
    <Grid item xs={12} md={5}>
      <IdleCapacityCard allocation={allocation} />
    </Grid>
  </Grid>
);
