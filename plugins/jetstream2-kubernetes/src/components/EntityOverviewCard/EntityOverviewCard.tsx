import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { EntityCost } from '@internal/plugin-jetstream2-kubernetes-common';
import type { Entity } from '@backstage/catalog-model';
import { Typography } from '@material-ui/core';
import { useEntityWorkloads } from '../../hooks';
import { isJetstream2KubernetesAvailable } from '../../isJetstream2KubernetesAvailable';
import { getGuide } from '../common/catalogue';
import { formatSu } from '../common/format';
import { usePluginLinks } from '../common/links';
import { SeverityIcon } from '../common/SeverityIcon';
import { VerdictStatus } from '../common/VerdictStatus';
import { podLine, summarize } from './summary';
import { LiveIndicator, StaleClusters } from '../LiveIndicator';
import { costLine } from '../CostSummary';

/** "Mostly Deployment ml/trainer (8 SU per hour)": the workload that drives the cost. */
function drivingWorkload(cost: EntityCost) {
  const top = cost.byWorkload?.[0];
  if (!top) return null;
  return (
    <Typography variant="body2" color="textSecondary" component="div">
      {`Mostly ${top.kind} ${top.namespace}/${top.name} (${formatSu(
        top.suPerHour,
      )} per hour)`}
    </Typography>
  );
}

const Glance = ({ entity }: { entity: Entity }) => {
  const links = usePluginLinks();
  const { value, loading, error, live, updatedAt } = useEntityWorkloads(entity);
  if (loading && !value) return <Progress />;
  if (error && !value) {
    return (
      <ResponseErrorPanel error={error} title="Could not load workloads" />
    );
  }
  if (!value) return null;
  const s = summarize(value);
  const pods = podLine(s.pods);
  const top = value.recommendedGuides?.[0];
  const topGuide = top ? getGuide(top.guideId) : getGuide('k8s-manage-apps');
  return (
    <>
      <LiveIndicator live={live} updatedAt={updatedAt} error={error} />
      <StaleClusters clusters={value.clusters ?? []} />
      <Typography variant="body1" component="div">
        <VerdictStatus verdict={pods.verdict} wrap>
          {pods.text}
        </VerdictStatus>
      </Typography>
      <Typography variant="body1" component="div">
        {s.unhealthy === 0 ? (
          <StatusOK>{`${s.workloads} workload${
            s.workloads === 1 ? '' : 's'
          } healthy`}</StatusOK>
        ) : (
          <StatusError>{`${s.unhealthy} of ${s.workloads} workloads not healthy`}</StatusError>
        )}
      </Typography>
      <Typography variant="body1" component="div">
        {s.problems === 0 ? (
          <StatusOK>No problems found</StatusOK>
        ) : (
          <StatusWarning>{`${s.problems} problem${
            s.problems === 1 ? '' : 's'
          } found`}</StatusWarning>
        )}
      </Typography>
      {value.cost && (
        <Typography variant="body1" component="div">
          Costs {costLine(value.cost)}
          {drivingWorkload(value.cost)}
        </Typography>
      )}
      {s.failedClusters > 0 && (
        <Typography variant="body1" component="div">
          <StatusError>{`${s.failedClusters} cluster${
            s.failedClusters === 1 ? '' : 's'
          } could not be read`}</StatusError>
        </Typography>
      )}
      {topGuide && (
        <div
          style={{
            marginTop: 12,
            display: 'flex',
            gap: 8,
            alignItems: 'flex-start',
          }}
        >
          <SeverityIcon severity={top?.severity ?? 'info'} />
          <div>
            <Typography variant="subtitle2" component="h3">
              {top ? 'Most useful guide now' : 'Start here'}:{' '}
              <Link to={links.guide(topGuide.id)}>{topGuide.title}</Link>
            </Typography>
            <Typography variant="body2" color="textSecondary">
              {top?.reasons?.[0] ?? topGuide.summary}
            </Typography>
          </div>
        </div>
      )}
    </>
  );
};

/** The overview card: workload health at a glance and the single most useful guide. */
export const EntityOverviewCard = () => {
  const { entity } = useEntity();
  return (
    <InfoCard title="Kubernetes at a glance">
      {isJetstream2KubernetesAvailable(entity) ? (
        <Glance entity={entity} />
      ) : (
        <Typography variant="body2">
          Add the <code>backstage.io/kubernetes-id</code> annotation to see this
          entity's workloads.
        </Typography>
      )}
    </InfoCard>
  );
};
