import { Table, type TableColumn } from '@backstage/core-components';
import { Button, makeStyles, Typography } from '@material-ui/core';
import WarningIcon from '@material-ui/icons/Warning';
import {
  groupEvents,
  type EventGroup,
  type ObjectEvent,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { useState } from 'react';
import { formatAge } from '../LiveIndicator';
import { BreakableText } from '../common/BreakableText';
import { TABLE_OPTIONS, TableFrame } from '../common/TableFrame';
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
  // the message is what a person reads: wide enough that a long one takes three lines, not six
  message: { display: 'block', minWidth: '55ch' },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(0.5, 1),
  },
}));

interface EventRow extends EventGroup {
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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface EventsTableProps {
  events: ObjectEvent[];
  /** Show the object column (off in a pod's own panel). */
  showObject?: boolean;
  /** Name the cluster beside the object (when the entity runs on more than one). */
  showCluster?: boolean;
  /** Normal events are behind a button unless this is set. */
  showNormal?: boolean;
  emptyText?: string;
}

/**
 * Kubernetes events grouped by reason and object, their repeats added up: warnings (marked by an icon,
 * the word and the row's colour), newest first; normal events behind a button.
 */
export const EventsTable = ({
  events,
  showObject = true,
  showCluster = false,
  showNormal: initiallyShowNormal = false,
  emptyText = 'No events.',
}: EventsTableProps) => {
  const classes = useStyles();
  const [showNormal, setShowNormal] = useState(initiallyShowNormal);
  if (events.length === 0) {
    return (
      <Typography variant="body2" style={{ padding: 8 }}>
        {emptyText}
      </Typography>
    );
  }
  const groups = groupEvents(events);
  const normal = groups.filter(g => !isWarning(g)).length;
  const shown = showNormal ? groups : groups.filter(isWarning);
  const now = Date.now();
  const rows: EventRow[] = shown.map(g => ({
    ...g,
    id: g.key,
    age: g.lastSeen ? formatAge((now - lastSeenMs(g)) / 1000) : '–',
    objectText: `${g.object?.kind ?? ''} ${g.object?.name ?? ''}`.trim(),
  }));
  const columns: TableColumn<EventRow>[] = [
    { title: 'Type', field: 'type', render: row => <TypeCell event={row} /> },
    {
      title: 'Reason',
      field: 'reason',
      render: row => <OneLine text={row.reason} maxWidth="22ch" />,
    },
    ...(showObject
      ? [
          {
            title: 'Object',
            field: 'objectText',
            render: (row: EventRow) => (
              <OneLine
                text={
                  showCluster
                    ? `${row.objectText} (${row.cluster})`
                    : row.objectText
                }
                maxWidth="26ch"
              />
            ),
          },
        ]
      : []),
    { title: 'Count', field: 'count', type: 'numeric' },
    {
      title: 'Last seen',
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
      render: row => (
        <span className={classes.message}>
          <BreakableText text={row.message} />
        </span>
      ),
    },
  ];
  return (
    <div>
      {(rows.length === 0 || normal > 0) && (
        <div className={classes.bar}>
          {rows.length === 0 && (
            <Typography variant="body2">No warnings.</Typography>
          )}
          {normal > 0 && (
            <Button
              size="small"
              color="primary"
              aria-pressed={showNormal}
              onClick={() => setShowNormal(v => !v)}
            >
              {showNormal
                ? 'Hide normal events'
                : `Show ${plural(normal, 'normal event')}`}
            </Button>
          )}
        </div>
      )}
      {rows.length > 0 && (
        <TableFrame>
          <Table<EventRow>
            options={{
              ...TABLE_OPTIONS,
              paging: rows.length > 20,
              pageSize: 20,
              toolbar: false,
              rowStyle: (row: EventRow) =>
                isWarning(row)
                  ? { backgroundColor: 'rgba(255, 152, 0, 0.08)' }
                  : {},
            }}
            columns={columns}
            data={rows}
          />
        </TableFrame>
      )}
    </div>
  );
};
