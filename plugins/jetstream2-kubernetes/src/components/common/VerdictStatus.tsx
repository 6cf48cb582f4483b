import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { makeStyles } from '@material-ui/core';
import type { ObjectVerdict } from '@internal/plugin-jetstream2-kubernetes-common';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  // A status is one unit: it never wraps mid-word ("Complet / e").
  nowrap: { whiteSpace: 'nowrap' },
});

/** Words for a verdict, for screen readers and tooltips. */
export const verdictLabel: Record<ObjectVerdict, string> = {
  ok: 'OK',
  done: 'Done',
  progressing: 'In progress',
  warning: 'Needs a look',
  error: 'Failing',
};

/**
 * A status text with the icon of its verdict: green ok, grey done (finished as intended, never red),
 * blue-grey progressing, amber warning, red error.
 */
export const VerdictStatus = ({
  verdict,
  children,
  wrap = false,
}: {
  verdict: ObjectVerdict | undefined;
  children: ReactNode;
  /** Let a sentence wrap between words (table statuses never do). */
  wrap?: boolean;
}) => {
  const classes = useStyles();
  const content = (
    <span className={wrap ? undefined : classes.nowrap}>{children}</span>
  );
  // Upstream's Status components hide themselves from screen readers; the text is the status here.
  const a11y = {
    'aria-hidden': false,
    'aria-label': undefined,
    'data-verdict': verdict ?? 'error',
  } as {};
  switch (verdict) {
    case 'ok':
      return <StatusOK {...a11y}>{content}</StatusOK>;
    case 'done':
      return <StatusAborted {...a11y}>{content}</StatusAborted>;
    case 'progressing':
      return <StatusPending {...a11y}>{content}</StatusPending>;
    case 'warning':
      return <StatusWarning {...a11y}>{content}</StatusWarning>;
    default:
      return <StatusError {...a11y}>{content}</StatusError>;
  }
};

/** A name on one line, cut with an ellipsis, the full name on hover. */
export const OneLine = ({
  text,
  maxWidth = '28ch',
}: {
  text: string;
  maxWidth?: number | string;
}) => (
  <span
    title={text}
    style={{
      display: 'inline-block',
      maxWidth,
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      whiteSpace: 'nowrap',
      verticalAlign: 'bottom',
    }}
  >
    {text}
  </span>
);
