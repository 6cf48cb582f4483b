import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { List, ListItem, makeStyles, Typography } from '@material-ui/core';
import { ResponseError } from '@backstage/errors';
import { useOwnedAllocations, type OwnedAllocation } from '../../hooks';
import { formatSu } from '../common/format';
import { VerdictStatus } from '../common/VerdictStatus';
import { runwayText, runwayUrgency } from './runwayText';

const useStyles = makeStyles(theme => ({
  list: { padding: 0 },
  item: {
    display: 'block',
    padding: theme.spacing(0.75, 0),
    overflowWrap: 'break-word',
  },
}));

/** The path of an allocation's tab in the catalog. */
function useAllocationLink() {
  const entityRoute = useRouteRef(entityRouteRef);
  return (row: OwnedAllocation) =>
    `${entityRoute({
      kind: 'resource',
      namespace: row.entity.metadata.namespace ?? 'default',
      name: row.entity.metadata.name,
    })}/allocation`;
}

const refused = (error: Error) =>
  error instanceof ResponseError && error.statusCode === 403;

const Row = ({ row, link }: { row: OwnedAllocation; link: string }) => {
  const classes = useStyles();
  const title = row.entity.metadata.title ?? row.entity.metadata.name;
  const a = row.summary;
  return (
    <ListItem divider className={classes.item}>
      <Typography variant="body1" component="div">
        <Link to={link}>{title}</Link>
      </Typography>
      {a ? (
        <>
          <Typography variant="body2" component="div">
            <VerdictStatus verdict={runwayUrgency(a)} wrap>
              {`Lasts ${runwayText(a)}`}
            </VerdictStatus>
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {`${formatSu(a.balanceSu)} left, burning ${formatSu(
              a.burnSuPerHour,
            )} per hour`}
          </Typography>
        </>
      ) : (
        <Typography variant="body2" color="textSecondary">
          {refused(row.error!)
            ? 'Only members of the owning group and the platform team see its balance.'
            : `Could not load its runway: ${row.error?.message}`}
        </Typography>
      )}
    </ListItem>
  );
};

/**
 * The allocations `owners` own, shortest runway first, each with "Lasts until DATE, N days" linking to its
 * page. Says so when there are none.
 */
export const AllocationRunwayList = ({
  owners,
  emptyText,
  label = 'Allocations',
}: {
  owners: string[] | undefined;
  emptyText?: string;
  label?: string;
}) => {
  const classes = useStyles();
  const link = useAllocationLink();
  const { value, loading, error } = useOwnedAllocations(owners);
  if (loading) return <Progress />;
  if (error) {
    return (
      <ResponseErrorPanel error={error} title="Could not load allocations" />
    );
  }
  if (!value || value.length === 0) {
    return emptyText ? (
      <Typography variant="body2" color="textSecondary">
        {emptyText}
      </Typography>
    ) : null;
  }
  return (
    <List className={classes.list} aria-label={label}>
      {value.map(row => (
        <Row key={row.entityRef} row={row} link={link(row)} />
      ))}
    </List>
  );
};
