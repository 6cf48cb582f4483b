import { makeStyles, Paper, Typography } from '@material-ui/core';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import {
  attentionItems,
  objectsByKind,
  type AttentionItem,
  type EntityWorkloadsResponse,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { useMemo, type ReactNode } from 'react';
import type { EntityName } from '../../api';
import type { Pod } from '../common/pods';
import { AttentionRow } from './AttentionRow';
import { healthyLine } from './healthyLine';

const useStyles = makeStyles(theme => ({
  head: {
    padding: theme.spacing(1.5, 2, 0),
  },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  healthy: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(1.5, 2),
  },
  ok: { color: theme.palette.success?.main ?? '#2e7d32' },
}));

export interface NeedsAttentionProps {
  view: EntityWorkloadsResponse;
  entity: EntityName;
  /** Extra buttons for an item's action area (the tab's actions: restart, scale, delete a pod). */
  renderActions?: (item: AttentionItem) => ReactNode;
}

/** The pod an item's logs come from, among its cluster's objects. */
function podOf(
  view: EntityWorkloadsResponse,
  item: AttentionItem,
): Pod | undefined {
  if (!item.logs) return undefined;
  const cluster = (view.clusters ?? []).find(c => c.cluster === item.cluster);
  const pods = objectsByKind(cluster?.resources ?? []).pods ?? [];
  return pods.find(
    p =>
      p.metadata?.name === item.logs!.pod &&
      p.metadata?.namespace === item.logs!.namespace,
  ) as Pod | undefined;
}

/**
 * The top of the entity's tab: one row per failing or waiting object, with what is wrong in words, the
 * evidence (its container's last error line, or the event that explains it) and the next steps as
 * buttons; a healthy service takes one line.
 */
export const NeedsAttention = ({
  view,
  entity,
  renderActions,
}: NeedsAttentionProps) => {
  const classes = useStyles();
  const items = useMemo(() => attentionItems(view), [view]);
  const showCluster =
    (view.clusters ?? []).filter(c => (c.resources ?? []).length > 0).length >
    1;
  if (items.length === 0) {
    return (
      <Paper
        className={classes.healthy}
        component="section"
        aria-label="Health"
      >
        <CheckCircleIcon className={classes.ok} fontSize="small" aria-hidden />
        <Typography variant="body1">
          {healthyLine(view.workloads ?? [])}
        </Typography>
      </Paper>
    );
  }
  const headingId = 'needs-attention-heading';
  return (
    <Paper component="section" aria-labelledby={headingId}>
      <Typography
        variant="h6"
        component="h2"
        id={headingId}
        className={classes.head}
      >
        Needs attention ({items.length})
      </Typography>
      <ul className={classes.list} aria-labelledby={headingId}>
        {items.map(item => (
          <AttentionRow
            key={item.id}
            item={item}
            entity={entity}
            pod={podOf(view, item)}
            events={view.events ?? []}
            showCluster={showCluster}
            actions={renderActions?.(item)}
          />
        ))}
      </ul>
    </Paper>
  );
};
