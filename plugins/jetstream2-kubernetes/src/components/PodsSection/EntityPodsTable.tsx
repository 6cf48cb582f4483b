import {
  SubvalueCell,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import type { DetectedError } from '@backstage/plugin-kubernetes-common';
import { PodDrawer, usePodMetrics } from '@backstage/plugin-kubernetes-react';
import { makeStyles } from '@material-ui/core';
import type { ReactNode } from 'react';
import type { ObjectEvent } from '@internal/plugin-jetstream2-kubernetes-common';
import { podStatus, type Pod } from '../common/pods';
import { EventsTable, isWarning } from '../EventsTable';
import { TABLE_OPTIONS, TableFrame } from '../common/TableFrame';
import { VerdictStatus } from '../common/VerdictStatus';
import { formatCpu, formatMemory, shareOfRequest } from './podUsageText';

const useStyles = makeStyles({
  // "199m" over "40% of 500m": short enough for one line each, so keep them there.
  usage: { whiteSpace: 'nowrap' },
  // Upstream's drawer button shows the name; keep it on one line (the drawer itself is a portal).
  name: {
    maxWidth: '28ch',
    '& *': {
      whiteSpace: 'nowrap',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      maxWidth: '100%',
    },
  },
});

interface PodRow {
  id: string;
  pod: Pod;
  name: string;
  statusText: string;
  verdict: ReturnType<typeof podStatus>['verdict'];
  restarts: number;
  node: string;
  events: ObjectEvent[];
}

function eventsOf(pod: Pod, events: ObjectEvent[]): ObjectEvent[] {
  return events.filter(
    e =>
      e.object?.kind === 'Pod' &&
      e.object.name === pod.metadata?.name &&
      (!e.object.namespace || e.object.namespace === pod.metadata?.namespace),
  );
}

function eventsText(events: ObjectEvent[]): string {
  if (events.length === 0) return 'none';
  const warnings = events.filter(isWarning).length;
  return `${events.length}${
    warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''
  }`;
}

function toRow(pod: Pod, events: ObjectEvent[]): PodRow {
  const status = podStatus(pod);
  const containers = pod.status?.containerStatuses ?? [];
  return {
    id: pod.metadata?.uid ?? pod.metadata?.name ?? '',
    pod,
    name: pod.metadata?.name ?? 'unknown',
    statusText: status.text,
    verdict: status.verdict,
    restarts: containers.reduce((n, c) => n + (c.restartCount ?? 0), 0),
    node: pod.spec?.nodeName ?? '–',
    events: eventsOf(pod, events),
  };
}

/**
 * A pod's CPU or memory usage from upstream's PodMetricsContext (the same the pod drawer reads): the
 * amount used and its share of what the pod requests; "–" for a pod metrics-server has not sampled yet.
 */
const UsageCell = ({
  cluster,
  pod,
  resource,
}: {
  cluster: string;
  pod: Pod;
  resource: 'cpu' | 'memory';
}) => {
  const classes = useStyles();
  const metrics = usePodMetrics(cluster, pod as any);
  if (!metrics) return <span title="Not measured yet">–</span>;
  const { currentUsage, requestTotal } = metrics[resource];
  const format = resource === 'cpu' ? formatCpu : formatMemory;
  const share = shareOfRequest(currentUsage, requestTotal, format);
  return (
    <div
      className={classes.usage}
      title={`${format(currentUsage)} used; ${
        share === 'no request' ? 'the pod requests none' : `${share} requested`
      }`}
    >
      <SubvalueCell value={format(currentUsage)} subvalue={share} />
    </div>
  );
};

export interface EntityPodsTableProps {
  cluster: string;
  pods: Pod[];
  /** Upstream's detected errors of this cluster, shown in the pod drawer. */
  errors: DetectedError[];
  /** Events of this cluster's objects; each pod's own show in its row's detail panel. */
  events?: ObjectEvent[];
  /** Extra cells per pod (e.g. logs), rendered right after the status. */
  extraColumns?: Array<{ title: string; render: (pod: Pod) => ReactNode }>;
  /** CPU and memory columns, from upstream's PodMetricsContext (when the cluster has any usage). */
  showUsage?: boolean;
}

/**
 * The entity's pods on one cluster with our status (the same as the tab, card and page: Succeeded reads
 * as Completed, a Pending pod is not OK). The name opens upstream's pod drawer.
 */
export const EntityPodsTable = ({
  cluster,
  pods,
  errors,
  events = [],
  extraColumns = [],
  showUsage = false,
}: EntityPodsTableProps) => {
  const classes = useStyles();
  const columns: TableColumn<PodRow>[] = [
    {
      title: 'Name',
      field: 'name',
      highlight: true,
      render: row => (
        <div className={classes.name} title={`${row.name} on node ${row.node}`}>
          <PodDrawer
            podAndErrors={{
              pod: row.pod as any,
              cluster: { name: cluster },
              errors: errors.filter(
                e =>
                  e.sourceRef?.kind === 'Pod' && e.sourceRef.name === row.name,
              ),
            }}
          />
        </div>
      ),
    },
    {
      title: 'Status',
      field: 'statusText',
      render: row => (
        <VerdictStatus verdict={row.verdict}>{row.statusText}</VerdictStatus>
      ),
    },
    // Logs right after the status, so it is in view without scrolling sideways
    ...extraColumns.map(
      (c): TableColumn<PodRow> => ({
        title: c.title,
        render: row => c.render(row.pod),
      }),
    ),
    { title: 'Restarts', field: 'restarts', type: 'numeric' },
    ...(showUsage
      ? (['cpu', 'memory'] as const).map(
          (resource): TableColumn<PodRow> => ({
            title: resource === 'cpu' ? 'CPU' : 'Memory',
            render: row => (
              <UsageCell cluster={cluster} pod={row.pod} resource={resource} />
            ),
          }),
        )
      : []),
    {
      title: 'Events',
      render: row => (
        <span style={{ whiteSpace: 'nowrap' }}>{eventsText(row.events)}</span>
      ),
    },
  ];
  return (
    <TableFrame>
      <Table<PodRow>
        options={{
          ...TABLE_OPTIONS,
          paging: pods.length > 20,
          pageSize: 20,
          toolbar: false,
        }}
        columns={columns}
        data={pods.map(pod => toRow(pod, events))}
        detailPanel={[
          {
            tooltip: "Show this pod's events",
            render: ({ rowData: row }: { rowData: PodRow }) => (
              <EventsTable
                events={row.events}
                showObject={false}
                showNormal
                emptyText={`No events of ${row.name}.`}
              />
            ),
          },
        ]}
      />
    </TableFrame>
  );
};
