import { InfoCard } from '@backstage/core-components';
import { Grid } from '@material-ui/core';
import type { AllocationResponse } from '@internal/plugin-jetstream2-kubernetes-common';
import { BurnChart } from '../BurnChart';
import { IdleCapacityCard } from './IdleCapacityCard';
import { RunwayCard } from './RunwayCard';
import { SpendersCard } from './SpendersCard';

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
        subheader={`One sample per ${
          allocation.bucketMinutes >= 60
            ? `${allocation.bucketMinutes / 60} hour${
                allocation.bucketMinutes === 60 ? '' : 's'
              }`
            : `${allocation.bucketMinutes} minute${
                allocation.bucketMinutes === 1 ? '' : 's'
              }`
        }, measured by the portal`}
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
