import { Link, Table, TableColumn } from '@backstage/core-components';
import { Chip } from '@material-ui/core';
import type { WorkloadRow } from '@internal/plugin-jetstream2-kubernetes-common';
import { conceptsForKind } from '../common/catalogue';
import { usePluginLinks } from '../common/links';
import { OneLine, VerdictStatus, verdictLabel } from '../common/VerdictStatus';

/** One table of the entity's workloads, merged across clusters. */
export const WorkloadsTable = ({ workloads }: { workloads: WorkloadRow[] }) => {
  const links = usePluginLinks();
  const columns: TableColumn<WorkloadRow>[] = [
    {
      title: 'Kind',
      field: 'kind',
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
      render: row => <OneLine text={row.namespace || '–'} maxWidth="16ch" />,
    },
    {
      title: 'Name',
      field: 'name',
      highlight: true,
      render: row => <OneLine text={row.name} />,
    },
    {
      title: 'Status',
      field: 'status',
      render: row => {
        const verdict = row.verdict ?? (row.healthy ? 'ok' : 'error');
        return (
          <VerdictStatus verdict={verdict}>
            {row.status || verdictLabel[verdict]}
          </VerdictStatus>
        );
      },
    },
    {
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
    },
  ];
  return (
    <Table<WorkloadRow>
      title="Workloads across clusters"
      options={{
        paging: workloads.length > 20,
        pageSize: 20,
        search: false,
        padding: 'dense',
      }}
      columns={columns}
      data={workloads.map(w => ({
        ...w,
        id: `${w.kind}/${w.namespace}/${w.name}`,
      }))}
    />
  );
};
