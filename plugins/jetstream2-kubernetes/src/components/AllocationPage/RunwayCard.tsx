import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Button, makeStyles, Typography } from '@material-ui/core';
import OpenInNewIcon from '@material-ui/icons/OpenInNew';
import { Alert } from '@material-ui/lab';
import type { AllocationResponse } from '@internal/plugin-jetstream2-kubernetes-common';
import { formatSu } from '../common/format';
import { VerdictStatus } from '../common/VerdictStatus';
import {
  balanceText,
  burnBasisText,
  formatDay,
  runwayText,
  runwayUrgency,
} from '../AllocationRunway/runwayText';

/** Where ACCESS allocations are topped up (supplements and extensions). */
export const ACCESS_ALLOCATIONS_URL = 'https://allocations.access-ci.org/';

const useStyles = makeStyles(theme => ({
  headline: { overflowWrap: 'break-word' },
  facts: { marginTop: theme.spacing(1) },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    marginTop: theme.spacing(2),
  },
  alert: { marginTop: theme.spacing(2) },
}));

/** The runway first: how long the balance lasts, at what burn, and what to do when it is short. */
export const RunwayCard = ({
  allocation: a,
}: {
  allocation: AllocationResponse;
}) => {
  const classes = useStyles();
  const urgency = runwayUrgency(a);
  const short = urgency !== 'ok';
  return (
    <InfoCard title={`Runway of allocation ${a.allocationId}`}>
      <Typography variant="h5" component="p" className={classes.headline}>
        <VerdictStatus verdict={urgency} wrap>
          {`Lasts ${runwayText(a)}`}
        </VerdictStatus>
      </Typography>
      <Typography variant="body1" className={classes.facts}>
        {`At ${formatSu(a.burnSuPerHour)} per hour, ${burnBasisText(a)}. `}
        {`Burning ${formatSu(a.currentSuPerHour)} per hour right now.`}
      </Typography>
      <Typography variant="body1">
        {`${balanceText(a)}. The allocation ends on ${formatDay(
          a.endDate,
        )}. Owner: `}
        <EntityRefLink entityRef={a.owner} defaultKind="group" />.
      </Typography>
      {a.outlastsEndDate && a.runwayDays !== null && (
        <Typography variant="body2" color="textSecondary">
          {`The allocation ends first: about ${formatSu(
            a.unusedAtEndSu,
          )} would be left unused at this burn.`}
        </Typography>
      )}
      {short && (
        <Alert severity={urgency} className={classes.alert}>
          {`Below the ${a.warnBelowDays} days this portal warns at. Ask ACCESS for more SUs, or scale down what burns most (below): every node is billed busy or idle.`}
        </Alert>
      )}
      {a.uncollectedClusters.length > 0 && (
        <Alert severity="warning" className={classes.alert}>
          {`Not counted: ${a.uncollectedClusters.join(', ')} ${
            a.uncollectedClusters.length === 1 ? 'is' : 'are'
          } charged to this allocation but the portal does not collect ${
            a.uncollectedClusters.length === 1 ? 'it' : 'them'
          }, so the burn is too low. Add the cluster under kubernetes.clusterLocatorMethods in app-config.`}
        </Alert>
      )}
      <div className={classes.actions}>
        <Button
          variant={short ? 'contained' : 'outlined'}
          color="primary"
          href={ACCESS_ALLOCATIONS_URL}
          target="_blank"
          rel="noopener noreferrer"
          endIcon={<OpenInNewIcon aria-hidden />}
        >
          Request more SUs in ACCESS
        </Button>
      </div>
    </InfoCard>
  );
};
