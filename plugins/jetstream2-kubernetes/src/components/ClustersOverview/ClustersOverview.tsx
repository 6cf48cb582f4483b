import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { Grid, Typography } from '@material-ui/core';
import type { ClusterDetail } from '@internal/plugin-jetstream2-kubernetes-common';
import { useClusterDetails } from '../../hooks';
import { CapacityChart } from '../CapacityChart';
import { ClusterErrorPanel } from '../ClusterErrorPanel';
import { ComponentCards } from '../ClusterContextCard';
import { CreateClusterCard } from '../CreateClusterCard';
import { ClusterCostLine } from '../CostSummary';
import { LiveIndicator, StaleClusters } from '../LiveIndicator';
import { formatBytes, formatCores } from '../common/format';

const StatusLine = ({ detail }: { detail: ClusterDetail }) => {
  const text = `${detail.status}${detail.stale ? ' (stale)' : ''}`;
  switch (detail.status) {
    case 'ok':
      return <StatusOK>{text}</StatusOK>;
    case 'degraded':
      return <StatusWarning>{text}</StatusWarning>;
    case 'pending':
      return <StatusPending>{text}</StatusPending>;
    default:
      return <StatusError>{text}</StatusError>;
  }
};

const ClusterCard = ({ detail }: { detail: ClusterDetail }) => {
  const name = detail.title ?? detail.name;
  return (
    <InfoCard
      title={name}
      subheader={[
        detail.version && `Kubernetes ${detail.version}`,
        `${detail.readyNodeCount ?? 0}/${detail.nodeCount ?? 0} nodes ready`,
        `${detail.podCount ?? 0} pods`,
      ]
        .filter(Boolean)
        .join(' · ')}
    >
      <Typography variant="body2" component="div" gutterBottom>
        Status: <StatusLine detail={detail} />
      </Typography>
      <Typography variant="body2" gutterBottom>
        Requested {formatCores(detail.requested?.cpuCores)} of{' '}
        {formatCores(detail.allocatable?.cpuCores)} CPU,{' '}
        {formatBytes(detail.requested?.memoryBytes)} of{' '}
        {formatBytes(detail.allocatable?.memoryBytes)} memory
        {detail.allocatable?.gpus
          ? `, ${detail.requested?.gpus ?? 0} of ${
              detail.allocatable.gpus
            } GPUs`
          : ''}
        .
      </Typography>
      {detail.cost && <ClusterCostLine cost={detail.cost} />}
      <Typography variant="h6" component="h4">
        Capacity per node
      </Typography>
      <CapacityChart nodes={detail.nodes ?? []} title={`Capacity of ${name}`} />
      <Typography variant="h6" component="h4" style={{ marginTop: 16 }}>
        Components
      </Typography>
      <ComponentCards detail={detail} />
    </InfoCard>
  );
};

/** Every cluster with a capacity picture, and the way to create one. */
export const ClustersOverview = () => {
  const { value, loading, error, live, updatedAt } = useClusterDetails();
  const stale = (value ?? []).flatMap(r =>
    r.detail
      ? [
          {
            cluster: r.name,
            unreachableSince: r.detail.unreachableSince,
            collectedAt: r.detail.collectedAt,
          },
        ]
      : [],
  );
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <LiveIndicator live={live} updatedAt={updatedAt} error={error} />
        <StaleClusters clusters={stale} />
      </Grid>
      <Grid item xs={12} lg={8}>
        {loading && !value && <Progress />}
        {error && !value && (
          <ResponseErrorPanel error={error} title="Could not load clusters" />
        )}
        {value && value.length === 0 && (
          <InfoCard title="No clusters yet">
            <Typography variant="body2">
              The portal has no cluster configured. Create one from a template,
              then register it under kubernetes.clusterLocatorMethods in
              app-config.
            </Typography>
          </InfoCard>
        )}
        <Grid container spacing={3} direction="column">
          {(value ?? []).map(r => (
            <Grid item key={r.name}>
              {r.error && (
                <ResponseErrorPanel
                  error={r.error}
                  title={`Could not read cluster ${r.name}`}
                />
              )}
              {r.detail && r.detail.status === 'error' && (
                <ClusterErrorPanel cluster={r.name} error={r.detail.error} />
              )}
              {r.detail && r.detail.status !== 'error' && (
                <ClusterCard detail={r.detail} />
              )}
            </Grid>
          ))}
        </Grid>
      </Grid>
      <Grid item xs={12} lg={4}>
        <CreateClusterCard />
      </Grid>
    </Grid>
  );
};
