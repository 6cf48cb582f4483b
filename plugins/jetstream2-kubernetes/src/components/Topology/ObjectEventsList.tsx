import { Progress } from '@backstage/core-components';
import { makeStyles, Typography } from '@material-ui/core';
import WarningIcon from '@material-ui/icons/Warning';
import type { ObjectEvent } from '@internal/plugin-jetstream2-kubernetes-common';
import { isWarning, sortEvents } from '../EventsTable/EventsTable';
import { formatAge } from '../LiveIndicator';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', padding: 0, margin: 0 },
  item: {
    padding: theme.spacing(1, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    fontWeight: 600,
  },
  warning: {
    color:
      theme.palette.type === 'dark' ? theme.palette.warning.light : '#7a4100',
  },
  message: { overflowWrap: 'anywhere' },
}));

/** One object's events, newest first, warnings marked by an icon and the word; fits a narrow panel. */
export const ObjectEventsList = ({
  events,
  loading,
  emptyText,
}: {
  events: ObjectEvent[];
  loading?: boolean;
  emptyText: string;
}) => {
  const classes = useStyles();
  if (loading && events.length === 0) return <Progress />;
  if (events.length === 0) {
    return <Typography variant="body2">{emptyText}</Typography>;
  }
  const now = Date.now();
  return (
    <ul className={classes.list}>
      {sortEvents(events).map((e, i) => (
        <li key={`${e.reason}-${e.lastSeen}-${i}`} className={classes.item}>
          <Typography
            variant="body2"
            component="div"
            className={`${classes.head} ${isWarning(e) ? classes.warning : ''}`}
          >
            {isWarning(e) && <WarningIcon fontSize="small" aria-hidden />}
            <span>{isWarning(e) ? 'Warning' : e.type || 'Normal'}</span>
            <span>{e.reason}</span>
            {e.count > 1 && <span>×{e.count}</span>}
            {e.lastSeen && (
              <span title={e.lastSeen}>
                {formatAge((now - Date.parse(e.lastSeen)) / 1000)}
              </span>
            )}
          </Typography>
          <Typography variant="body2" className={classes.message}>
            {e.message}
          </Typography>
        </li>
      ))}
    </ul>
  );
};
