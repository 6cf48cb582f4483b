import { makeStyles, Typography } from '@material-ui/core';
import type { AttentionItem } from '@internal/plugin-jetstream2-kubernetes-common';
import type { EntityName } from '../../api';
import { useLastLogLine } from '../../hooks';
import { BreakableText } from '../common/BreakableText';

const useStyles = makeStyles(theme => ({
  box: {
    margin: theme.spacing(0.5, 0, 1),
    padding: theme.spacing(0.75, 1.25),
    borderLeft: `3px solid ${theme.palette.divider}`,
    backgroundColor: theme.palette.background.default,
    overflowWrap: 'break-word',
    minWidth: 0,
  },
  label: { display: 'block', color: theme.palette.text.secondary },
  code: {
    fontFamily: 'monospace',
    fontSize: 13,
    lineHeight: 1.5,
    display: 'block',
  },
}));

const times = (n: number) => (n === 1 ? 'once' : `${n} times`);

/** The warning event (or plain fact) behind an item. */
const EventEvidence = ({ item }: { item: AttentionItem }) => {
  const classes = useStyles();
  const { event, detail } = item;
  if (!event && !detail) return null;
  return (
    <div className={classes.box}>
      {event ? (
        <>
          <Typography variant="caption" className={classes.label}>
            {`Event ${event.reason}, ${times(event.count)}, on ${
              event.object.kind
            } ${event.object.name}:`}
          </Typography>
          <Typography variant="body2" component="span" className={classes.code}>
            <BreakableText text={event.message} />
          </Typography>
        </>
      ) : (
        <Typography variant="body2">{detail}</Typography>
      )}
    </div>
  );
};

/** The log line that says why the container stopped, read beside the view; the event while it loads or fails. */
const LogEvidence = ({
  item,
  entity,
}: {
  item: AttentionItem & { logs: NonNullable<AttentionItem['logs']> };
  entity: EntityName;
}) => {
  const classes = useStyles();
  const { logs } = item;
  const line = useLastLogLine({
    entity,
    cluster: item.cluster,
    namespace: logs.namespace,
    pod: logs.pod,
    container: logs.container,
    restarts: logs.restarts,
  });
  if (line.error || (!line.loading && !line.value))
    return (
      <>
        <Typography variant="caption" color="textSecondary" component="p">
          {line.error
            ? `Could not read the log of ${logs.container}: ${line.error.message}`
            : `The log of ${logs.container} is empty.`}
        </Typography>
        <EventEvidence item={item} />
      </>
    );
  return (
    <div className={classes.box} aria-busy={line.loading}>
      <Typography variant="caption" className={classes.label}>
        {line.value?.error === false
          ? `Last line of the log of ${logs.container}:`
          : `Last error in the log of ${logs.container}:`}
      </Typography>
      <Typography
        variant="body2"
        component="span"
        className={classes.code}
        data-testid="log-evidence"
      >
        {line.loading ? (
          'Reading the log…'
        ) : (
          <BreakableText text={line.value!.text} />
        )}
      </Typography>
    </div>
  );
};

/** Why the item needs a person: its container's last log line, or the event that explains it. */
export const Evidence = ({
  item,
  entity,
}: {
  item: AttentionItem;
  entity: EntityName;
}) =>
  item.logs ? (
    <LogEvidence item={{ ...item, logs: item.logs }} entity={entity} />
  ) : (
    <EventEvidence item={item} />
  );
