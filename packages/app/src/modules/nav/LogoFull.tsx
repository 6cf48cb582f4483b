import { makeStyles } from '@material-ui/core';
import { LogoIcon } from './LogoIcon';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: 8, color: '#fff' },
  text: {
    fontSize: 18,
    fontWeight: 700,
    lineHeight: 1.1,
    whiteSpace: 'nowrap',
  },
  sub: { fontSize: 11, fontWeight: 400, opacity: 0.8 },
});

/** Wide logo: the icon and the portal's name. */
export const LogoFull = () => {
  const classes = useStyles();
  return (
    <div className={classes.root}>
      <LogoIcon />
      <div className={classes.text}>
        Jetstream2
        <div className={classes.sub}>Kubernetes portal</div>
      </div>
    </div>
  );
};
