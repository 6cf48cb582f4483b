import { Table, type TableColumn } from '@backstage/core-components';
import { makeStyles, Typography } from '@material-ui/core';
import WarningIcon from '@material-ui/icons/Warning';
import type { ObjectEvent } from '@internal/plugin-jetstream2-kubernetes-common';
import { formatAge } from '../LiveIndicator';
import { OneLine } from '../common/VerdictStatus';

const useStyles = makeStyles(theme => ({
  type: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: 4,
    whiteSpace: 'nowrap',
  },
  // the theme's warning.dark lacks contrast on the tinted row: a darker amber reads at 4.5:1 or better
  warning: {
    color:
      theme.palette.type === 'dark' ? theme.palette.warning.light : '#7a4100',
    fontWeight: 600,
  },
  message: { overflowWrap: 'anywhere', minWidth: '24ch', display: 'block' },
}));

interface EventRow extends ObjectEvent {
  id: string;
  age: string;
  objectText: string;
}

function lastSeenMs(e: ObjectEvent): number {
  const t = e.lastSeen ? Date.parse(e.lastSeen) : NaN;
  return Number.isNaN(t) ? 0 : t;
}

/** Newest first; events without a time last. */
export function sortEvents(events: ObjectEvent[]): ObjectEvent[] {
  return [...events].sort((a, b) => lastSeenMs(b) - lastSeenMs(a));
}

export function isWarning(e: ObjectEvent): boolean {
  return e.type === 'Warning';
}

const TypeCell = ({ event }: { event: ObjectEvent }) => {
  const classes = useStyles();
  if (!isWarning(event)) {
    return <span className={classes.type}>{event.type || 'Normal'}</span>;
  }
  return (
    <span className={`${classes.type} ${classes.warning}`}>
      <WarningIcon fontSize="small" aria-hidden="true" />
      Warning
    </span>
  );
};

/**
 * Kubernetes events (all types), newest first, with type, reason, object, count and age; warnings are
 * marked by an icon, the word and the row's colour.
 */
export const EventsTable = ({
  events,
  title,
  showObject = true,
  emptyText = 'No events.',
}: {
  events: ObjectEvent[];
  title?: string;
  showObject?: boolean;
  emptyText?: string;
}) => {
  const classes = useStyles();
  if (events.length === 0) {
    return (
      <Typography variant="body2" style={{ padding: 8 }}>
        {emptyText}
      </Typography>
    );
  }
  const now = Date.now();
  const rows: EventRow[] = sortEvents(events).map((e, i) => ({
    ...e,
    id: `${e.cluster}/${e.object?.kind}/${e.object?.namespace}/${e.object?.name}/${e.reason}/${i}`,
    age: e.lastSeen ? formatAge((now - lastSeenMs(e)) / 1000) : '–',
    objectText: `${e.object?.kind ?? ''} ${
      e.object?.namespace ? `${e.object.namespace}/` : ''
    }${e.object?.name ?? ''}`.trim(),
  }));
  const columns: TableColumn<EventRow>[] = [
    { title: 'Type', field: 'type', render: row => <TypeCell event={row} /> },
    {
      title: 'Reason',
      field: 'reason',
      render: row => <OneLine text={row.reason} maxWidth="18ch" />,
    },
    ...(showObject
      ? [
          {
            title: 'Object',
            field: 'objectText',
            render: (row: EventRow) => (
              <OneLine
                text={`${row.objectText} (${row.cluster})`}
                maxWidth="26ch"
              />
            ),
          },
        ]
      : []),
    { title: 'Count', field: 'count', type: 'numeric' },
    {
      title: 'Age',
      field: 'age',
      render: row => (
        <span title={row.lastSeen} style={{ whiteSpace: 'nowrap' }}>
          {row.age}
        </span>
      ),
    },
    {
      title: 'Message',
      field: 'message',
      render: row => <span className={classes.message}>{row.message}</span>,
    },
  ];
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table<EventRow>
        title={title}
        options={{
          paging: rows.length > 20,
          pageSize: 20,
          search: false,
          toolbar: Boolean(title),
          padding: 'dense',
          rowStyle: (row: EventRow) =>
            isWarning(row)
              ? { backgroundColor: 'rgba(255, 152, 0, 0.08)' }
              : {},
        }}
        columns={columns}
        data={rows}
      />
    </div>
  );
};
