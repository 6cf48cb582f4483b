import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: { width: 'auto', height: 28 },
});

/** A jet stream over a cluster of three nodes. */
export const LogoIcon = () => {
  const classes = useStyles();
  return (
    <svg
      className={classes.svg}
      viewBox="0 0 32 32"
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      aria-label="Jetstream2 Kubernetes portal"
    >
      <path
        d="M2 10c6-6 14-6 20 0s8 4 8 4"
        fill="none"
        stroke="#7df3e1"
        strokeWidth="3"
        strokeLinecap="round"
      />
      <circle cx="8" cy="22" r="4" fill="#7df3e1" />
      <circle cx="17" cy="26" r="4" fill="#4fc3f7" />
      <circle cx="24" cy="19" r="4" fill="#7df3e1" />
    </svg>
  );
};
