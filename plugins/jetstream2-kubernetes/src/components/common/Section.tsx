import { Button, makeStyles, Paper, Typography } from '@material-ui/core';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { useState, type ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: theme.spacing(2),
    padding: theme.spacing(1.5, 2, 1),
  },
  toggle: {
    textTransform: 'none',
    fontSize: 'inherit',
    fontWeight: 'inherit',
    padding: theme.spacing(0.25, 0.5),
    marginLeft: theme.spacing(-0.5),
  },
  turned: { transform: 'rotate(180deg)' },
  body: { padding: theme.spacing(0, 2, 2) },
}));

/** A titled part of a page (an h2 and its content) on a card. */
export const Section = ({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
}) => {
  const classes = useStyles();
  return (
    <Paper component="section" aria-label={title}>
      <div className={classes.head}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {subtitle && (
          <Typography variant="body2" color="textSecondary">
            {subtitle}
          </Typography>
        )}
      </div>
      {children}
    </Paper>
  );
};

/**
 * A secondary part of a page, collapsed to its title and a one-line summary until opened; its content is
 * only rendered (and fetches only) once open.
 */
export const CollapsibleSection = ({
  id,
  title,
  summary,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  children: ReactNode;
}) => {
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const bodyId = `${id}-content`;
  return (
    <Paper component="section" aria-label={title}>
      <div className={classes.head}>
        <Typography variant="h6" component="h2">
          <Button
            className={classes.toggle}
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => setOpen(o => !o)}
            endIcon={
              <ExpandMoreIcon className={open ? classes.turned : undefined} />
            }
          >
            {title}
          </Button>
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {summary}
        </Typography>
      </div>
      <div id={bodyId} hidden={!open} className={classes.body}>
        {open && children}
      </div>
    </Paper>
  );
};
