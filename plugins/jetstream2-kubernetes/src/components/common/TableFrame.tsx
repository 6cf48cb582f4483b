import { makeStyles, Typography } from '@material-ui/core';
import { useEffect, useState, type ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  frame: {
    overflowX: 'auto',
    // Backstage's theme lets table cells break words anywhere ("Workl oad"); ours wrap between words,
    // and only a word longer than its column breaks.
    // and a little less padding than the theme's, so that more columns fit at 1280 px
    '& td, & th': {
      wordBreak: 'normal',
      overflowWrap: 'break-word',
      paddingLeft: theme.spacing(1.5),
      paddingRight: theme.spacing(1.5),
    },
  },
  cue: {
    display: 'block',
    textAlign: 'right',
    padding: theme.spacing(0.5, 2),
  },
}));

/** True while the table in the element is wider than the element (so it scrolls sideways). */
function useOverflows(el: HTMLElement | null): boolean {
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    if (!el) return undefined;
    const measure = () => {
      const table = el.querySelector('table');
      setOverflows((table?.scrollWidth ?? 0) > el.clientWidth + 1);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    const table = el.querySelector('table');
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, [el]);
  return overflows;
}

/**
 * The frame of our tables: cells wrap between words, and a table wider than its card scrolls inside it
 * and says so ("Scroll sideways for more columns").
 */
export const TableFrame = ({ children }: { children: ReactNode }) => {
  const classes = useStyles();
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const overflows = useOverflows(el);
  return (
    <div>
      <div ref={setEl} className={classes.frame}>
        {children}
      </div>
      {overflows && (
        <Typography
          variant="caption"
          color="textSecondary"
          className={classes.cue}
        >
          Scroll sideways for more columns →
        </Typography>
      )}
    </div>
  );
};

/**
 * Options every table of ours shares: dense rows, no search, and no column dragging (material-table's
 * drag handle is a second button inside each sortable header's button: axe's nested-interactive).
 */
export const TABLE_OPTIONS = {
  padding: 'dense',
  search: false,
  draggable: false,
} as const;
