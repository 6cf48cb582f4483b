import { InfoCard } from '@backstage/core-components';
import { List, ListItem, ListItemText, Typography } from '@material-ui/core';
import type { AllocationResponse } from '@internal/plugin-jetstream2-kubernetes-common';
import { formatSu } from '../common/format';
import { formatDay } from '../AllocationRunway/runwayText';

/**
 * What idle capacity costs, and what scaling down would change: the nodes that could go (their pods fit on
 * the others) and the runway without them.
 */
export const IdleCapacityCard = ({
  allocation: a,
}: {
  allocation: AllocationResponse;
}) => {
  const { idle } = a;
  const paysForNodes = a.byCluster.some(c => c.paysForNodes);
  return (
    <InfoCard
      title="Idle capacity"
      subheader="Node capacity no pod requests, billed all the same"
    >
      {!paysForNodes ? (
        <Typography variant="body2">
          This allocation pays for its services&apos; pods, not for nodes: the
          idle capacity of the clusters they run on is charged to the
          clusters&apos; own allocations. Scaling a service down (the table
          shows the runway without each) is what changes this runway.
        </Typography>
      ) : (
        <>
          <Typography variant="body1">
            {`${formatSu(idle.suPerHour)} per hour, ${Math.round(
              idle.share * 100,
            )}% of what its clusters' nodes cost now, pays for capacity no pod asks for.`}
          </Typography>
          {idle.removableNodes.length === 0 ? (
            <Typography variant="body2" color="textSecondary">
              No node could go now: the pods on each would not fit on the
              others.
            </Typography>
          ) : (
            <>
              <Typography variant="body1" style={{ marginTop: 8 }}>
                {`Draining ${idle.removableNodes.length} node${
                  idle.removableNodes.length === 1 ? '' : 's'
                } and moving ${
                  idle.removableNodes.length === 1 ? 'its' : 'their'
                } pods to the others would save ${formatSu(
                  idle.savingsSuPerHour,
                )} per hour${
                  idle.runwayDaysAfterScaleDown !== null &&
                  idle.runsOutOnAfterScaleDown
                    ? `: the balance would last until ${formatDay(
                        idle.runsOutOnAfterScaleDown,
                      )}, ${idle.runwayDaysAfterScaleDown} days`
                    : ''
                }.`}
              </Typography>
              <List dense aria-label="Nodes that could go">
                {idle.removableNodes.map(n => (
                  <ListItem key={`${n.cluster}/${n.name}`} disableGutters>
                    <ListItemText
                      primary={`${n.name} (${[
                        n.flavor,
                        `${formatSu(n.suPerHour)}/h`,
                      ]
                        .filter(Boolean)
                        .join(', ')})`}
                      secondary={`in ${n.cluster}; ${n.podsMoved} pod${
                        n.podsMoved === 1 ? '' : 's'
                      } to move`}
                    />
                  </ListItem>
                ))}
              </List>
              <Typography variant="caption" color="textSecondary" component="p">
                An estimate from the pods&apos; requests; affinities, taints and
                disruption budgets are not checked. On Magnum, lower the node
                count or let the autoscaler do it.
              </Typography>
            </>
          )}
        </>
      )}
    </InfoCard>
  );
};
