import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import type { NodeSummary } from '@internal/plugin-jetstream2-kubernetes-common';
import { useCluster } from '../../hooks';
import { formatBytes, formatCores } from '../common/format';
import { nodeSummaryStatus } from '../common/nodes';
import { TABLE_OPTIONS, TableFrame } from '../common/TableFrame';
import { OneLine, VerdictStatus } from '../common/VerdictStatus';
import { ClusterErrorPanel } from '../ClusterErrorPanel';
import { ComponentCards } from './ComponentCards';

const nodeColumns: TableColumn<NodeSummary>[] = [
  {
    title: 'Node',
    field: 'name',
    highlight: true,
    render: n => <OneLine text={n.name} maxWidth="24ch" />,
  },
  {
    title: 'Flavor',
    render: n => (
      <span style={{ whiteSpace: 'nowrap' }}>{n.flavor ?? '–'}</span>
    ),
  },
  {
    title: 'Roles',
    render: n => ((n.roles ?? []).length ? n.roles.join(', ') : 'worker'),
  },
  {
    title: 'Status',
    render: n => {
      const status = nodeSummaryStatus(n);
      return (
        <VerdictStatus verdict={status.verdict}>{status.text}</VerdictStatus>
      );
    },
  },
  {
    title: 'CPU requested / allocatable',
    render: n =>
      `${formatCores(n.requested?.cpuCores)} / ${formatCores(
        n.allocatable?.cpuCores,
      )}`,
  },
  {
    title: 'Memory requested / allocatable',
    render: n =>
      `${formatBytes(n.requested?.memoryBytes)} / ${formatBytes(
        n.allocatable?.memoryBytes,
      )}`,
  },
  {
    title: 'GPUs',
    render: n =>
      n.allocatable?.gpus
        ? `${n.requested?.gpus ?? 0} / ${n.allocatable.gpus}`
        : '–',
  },
];

/** Where the entity runs: the cluster's nodes, flavors and control-plane health. */
export const ClusterContextCard = ({ name }: { name: string }) => {
  const { value, loading, error } = useCluster(name);
  if (loading && !value) {
    return <Progress />;
  }
  if (error && !value) {
    return (
      <ResponseErrorPanel
        error={error}
        title={`Could not read cluster ${name}`}
      />
    );
  }
  if (!value) {
    return null;
  }
  if (value.status === 'error') {
    return <ClusterErrorPanel cluster={name} error={value.error} />;
  }
  const nodes = value.nodes ?? [];
  return (
    <InfoCard
      title={`Cluster ${value.title ?? value.name}`}
      subheader={[
        value.version && `Kubernetes ${value.version}`,
        `${value.readyNodeCount ?? 0} of ${
          value.nodeCount ?? nodes.length
        } nodes ready`,
        value.stale ? 'data from before the last restart' : undefined,
      ]
        .filter(Boolean)
        .join(' · ')}
    >
      <Typography variant="subtitle1" component="h3" gutterBottom>
        Inside the cluster
      </Typography>
      <ComponentCards detail={value} />
      <Typography variant="subtitle1" component="h3" style={{ marginTop: 16 }}>
        Nodes
      </Typography>
      {nodes.length > 0 ? (
        <TableFrame>
          <Table<NodeSummary>
            options={{
              ...TABLE_OPTIONS,
              paging: false,
              toolbar: false,
            }}
            columns={nodeColumns}
            data={nodes.map(n => ({ ...n, id: n.name }))}
          />
        </TableFrame>
      ) : (
        <Typography variant="body2">The cluster reports no nodes.</Typography>
      )}
    </InfoCard>
  );
};
