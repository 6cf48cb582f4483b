import { Link, Table, TableColumn } from '@backstage/core-components';
import { Chip } from '@material-ui/core';
import type { WorkloadRow } from '@internal/plugin-jetstream2-kubernetes-common';
import { conceptsForKind } from '../common/catalogue';
import { usePluginLinks } from '../common/links';
import { TABLE_OPTIONS, TableFrame } from '../common/TableFrame';
import { OneLine, VerdictStatus, verdictLabel } from '../common/VerdictStatus';

/**
 * One table of the entity's workloads, merged across clusters. The clusters column shows only when the
 * entity runs on more than one; a status wraps between its words rather than being cut.
 */
export const WorkloadsTable = ({
  workloads,
  showClusters = true,
}: {
  workloads: WorkloadRow[];
  showClusters?: boolean;
}) => {
  const links = usePluginLinks();
  const columns: TableColumn<WorkloadRow>[] = [
    {
      title: 'Kind',
      field: 'kind',
      width: '18%',
      render: row => {
        const concept = conceptsForKind(row.kind)[0];
        return concept ? (
          <Link
            to={links.concept(concept.id)}
            title={`What is a ${row.kind}?`}
            style={{ whiteSpace: 'nowrap' }}
          >
            {row.kind}
          </Link>
        ) : (
          <span style={{ whiteSpace: 'nowrap' }}>{row.kind || '–'}</span>
        );
      },
    },
    {
      title: 'Namespace',
      field: 'namespace',
      width: '16%',
      render: row => <OneLine text={row.namespace || '–'} maxWidth="16ch" />,
    },
    {
      title: 'Name',
      field: 'name',
      width: '26%',
      highlight: true,
      render: row => <OneLine text={row.name} />,
    },
    {
      title: 'Status',
      field: 'status',
      width: '40%',
      render: row => {
        const verdict = row.verdict ?? (row.healthy ? 'ok' : 'error');
        return (
          <VerdictStatus verdict={verdict} wrap>
            {row.status || verdictLabel[verdict]}
          </VerdictStatus>
        );
      },
    },
  ];
  const clustersColumn: TableColumn<WorkloadRow> = {
    title: 'Clusters',
    render: row => (
      <>
        {(row.clusters ?? []).map(cluster => (
          <Chip
            key={cluster}
            label={cluster}
            title={cluster}
            size="small"
            variant="outlined"
            style={{ maxWidth: '20ch' }}
          />
        ))}
      </>
    ),
  };
  return (
    <TableFrame>
      <Table<WorkloadRow>
        title="Workloads across clusters"
        options={{
          ...TABLE_OPTIONS,
          paging: workloads.length > 20,
          pageSize: 20,
        }}
        columns={showClusters ? [...columns, clustersColumn] : columns}
        data={workloads.map(w => ({
          ...w,
          id: `${w.kind}/${w.namespace}/${w.name}`,
        }))}
      />
    </TableFrame>
  );
};
