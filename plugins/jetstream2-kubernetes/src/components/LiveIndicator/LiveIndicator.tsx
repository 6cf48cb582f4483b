import { makeStyles, Typography } from '@material-ui/core';
import { useEffect, useState } from 'react';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.75),
    whiteSpace: 'nowrap',
  },
  dot: {
    width: 8,
    height: 8,
    borderRadius: '50%',
    flex: '0 0 auto',
  },
  live: { backgroundColor: theme.palette.success.main },
  polling: { backgroundColor: theme.palette.info.main },
  failed: { backgroundColor: theme.palette.warning.main },
}));

/** "just now", "2 s ago", "3 min ago", "2 h ago". */
export function formatAge(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 1) return 'just now';
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}

/** The current time, re-read every second while mounted. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export interface LiveIndicatorProps {
  /** True when changes are pushed (signals), false when the page polls. */
  live: boolean;
  updatedAt?: Date;
  /** The last refetch failed; the data shown is from updatedAt. */
  error?: Error;
}

/**
 * "Live · updated 2 s ago": whether the view follows the backend by itself and how old its data is.
 * The dot is decoration; the words say the same.
 */
export const LiveIndicator = ({
  live,
  updatedAt,
  error,
}: LiveIndicatorProps) => {
  const classes = useStyles();
  const now = useNow();
  const age = updatedAt
    ? formatAge((now - updatedAt.getTime()) / 1000)
    : undefined;
  let mode = live ? 'Live' : 'Refreshed every 10 s';
  let dot = live ? classes.live : classes.polling;
  if (error) {
    mode = 'Update failed';
    dot = classes.failed;
  }
  const text = age ? `${mode} · updated ${age}` : mode;
  return (
    <Typography
      variant="caption"
      color="textPrimary"
      component="span"
      className={classes.root}
      data-testid="live-indicator"
      title={
        updatedAt
          ? `Last updated ${updatedAt.toLocaleString()}${
              error ? ` (then: ${error.message})` : ''
            }`
          : undefined
      }
    >
      <span className={`${classes.dot} ${dot}`} aria-hidden="true" />
      <span>{text}</span>
    </Typography>
  );
};
