import { Link } from '@backstage/core-components';
import { Button, makeStyles, Typography } from '@material-ui/core';
import EventNoteIcon from '@material-ui/icons/EventNote';
import MenuBookIcon from '@material-ui/icons/MenuBook';
import SubjectIcon from '@material-ui/icons/Subject';
import type {
  AttentionItem,
  ObjectEvent,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { useState, type ReactNode } from 'react';
import type { EntityName } from '../../api';
import { guideTitle } from '../common/catalogue';
import { usePluginLinks } from '../common/links';
import type { Pod } from '../common/pods';
import { SeverityIcon } from '../common/SeverityIcon';
import { PodLogsDialog } from '../PodLogs';
import { Evidence } from './Evidence';
import { EventsDialog, eventsOf } from './EventsDialog';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'grid',
    gridTemplateColumns: '24px minmax(0, 1fr)',
    gap: theme.spacing(1.5),
    padding: theme.spacing(1.5, 2),
    '& + &': { borderTop: `1px solid ${theme.palette.divider}` },
  },
  icon: { paddingTop: 2 },
  headline: { overflowWrap: 'break-word' },
  name: { fontWeight: 700 },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    alignItems: 'center',
    // sentence case: a guide's title in capitals is hard to read
    '& .MuiButton-root': { textTransform: 'none' },
  },
  // a link (it navigates) drawn like the outlined buttons beside it
  guide: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.75),
    padding: '3px 9px',
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    fontSize: '0.8125rem',
    lineHeight: 1.75,
    '& svg': { fontSize: 18 },
  },
}));

/** "Deployment in science", and the cluster when the entity runs on more than one. */
function whereText(item: AttentionItem, showCluster: boolean): string {
  const ns = item.object.namespace ? ` in ${item.object.namespace}` : '';
  return `${item.object.kind}${ns}${showCluster ? ` on ${item.cluster}` : ''}`;
}

export interface AttentionRowProps {
  item: AttentionItem;
  entity: EntityName;
  /** The pod named by item.logs, for the logs dialog. */
  pod?: Pod;
  events: ObjectEvent[];
  showCluster: boolean;
  /** More buttons for the row's action area (e.g. restart or scale), after Logs, Events and the guide. */
  actions?: ReactNode;
}

/** One failing or waiting object: what is wrong, the evidence, and the next steps as buttons. */
export const AttentionRow = ({
  item,
  entity,
  pod,
  events,
  showCluster,
  actions,
}: AttentionRowProps) => {
  const classes = useStyles();
  const links = usePluginLinks();
  const [open, setOpen] = useState<'logs' | 'events' | undefined>();
  const itemEvents = eventsOf(events, item.cluster, item.related);
  const name = item.object.name;
  return (
    <li className={classes.row} data-severity={item.severity}>
      <div className={classes.icon}>
        <SeverityIcon severity={item.severity} />
      </div>
      <div>
        <Typography
          variant="subtitle1"
          component="h3"
          className={classes.headline}
        >
          <span className={classes.name}>{name}</span> {item.problem}
        </Typography>
        <Typography variant="caption" color="textSecondary" component="p">
          {whereText(item, showCluster)}
          {item.blocks.length > 0 &&
            ` · holds up ${item.blocks
              .map(b => `${b.kind} ${b.name}`)
              .join(', ')}, which cannot start until it is ready`}
        </Typography>
        <Evidence item={item} entity={entity} />
        <div className={classes.actions}>
          {item.logs && pod && (
            <Button
              size="small"
              variant="outlined"
              color="primary"
              startIcon={<SubjectIcon />}
              aria-label={`Logs of ${item.logs.pod}`}
              onClick={() => setOpen('logs')}
            >
              Logs
            </Button>
          )}
          {itemEvents.length > 0 && (
            <Button
              size="small"
              variant="outlined"
              startIcon={<EventNoteIcon />}
              aria-label={`Events of ${name} (${itemEvents.length})`}
              onClick={() => setOpen('events')}
            >
              Events ({itemEvents.length})
            </Button>
          )}
          <Link
            className={classes.guide}
            to={links.guide(item.guideId)}
            underline="none"
          >
            <MenuBookIcon aria-hidden />
            Guide: {guideTitle(item.guideId)}
          </Link>
          {actions}
        </div>
      </div>
      {open === 'logs' && pod && (
        <PodLogsDialog
          open
          onClose={() => setOpen(undefined)}
          entity={entity}
          cluster={item.cluster}
          pod={pod}
        />
      )}
      {open === 'events' && (
        <EventsDialog
          open
          onClose={() => setOpen(undefined)}
          title={`Events of ${item.object.kind} ${name}`}
          events={itemEvents}
        />
      )}
    </li>
  );
};
