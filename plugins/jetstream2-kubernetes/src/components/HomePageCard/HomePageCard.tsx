import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { List, ListItem, makeStyles, Typography } from '@material-ui/core';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import DoneAllIcon from '@material-ui/icons/DoneAll';
import ErrorIcon from '@material-ui/icons/Error';
import HelpIcon from '@material-ui/icons/Help';
import ScheduleIcon from '@material-ui/icons/Schedule';
import WarningIcon from '@material-ui/icons/Warning';
import { YourAllocations } from '../AllocationRunway';
import { guideTitle } from '../common/catalogue';
import { usePluginLinks } from '../common/links';
import type { ServiceHealth, ServiceVerdict } from './serviceHealth';
import { useServicesHealth } from './useServicesHealth';

const useStyles = makeStyles(theme => ({
  list: { padding: 0 },
  item: {
    display: 'block',
    padding: theme.spacing(1, 0),
    // long names and reasons wrap inside the card instead of running past its edge
    overflowWrap: 'anywhere',
  },
  head: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
  },
  name: {
    fontWeight: theme.typography.fontWeightMedium as number,
    flex: '1 1 auto',
  },
  verdict: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
  cost: { whiteSpace: 'nowrap' },
  reason: {
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  error: { color: theme.palette.error.main },
  warning: { color: '#f57c00' },
  ok: { color: theme.palette.success?.main ?? '#2e7d32' },
  neutral: { color: theme.palette.text.secondary },
  code: {
    display: 'block',
    whiteSpace: 'pre-wrap',
    padding: theme.spacing(1),
    margin: theme.spacing(1, 0),
    background: theme.palette.background.default,
    fontSize: '0.85em',
  },
}));

const labels: Record<ServiceVerdict, string> = {
  error: 'Failing',
  warning: 'Needs attention',
  unknown: 'Unknown',
  progressing: 'Starting',
  ok: 'Healthy',
  done: 'Done',
};

const Verdict = ({ verdict }: { verdict: ServiceVerdict }) => {
  const classes = useStyles();
  const props = { fontSize: 'small' as const, 'aria-hidden': true };
  const icon = {
    error: <ErrorIcon className={classes.error} {...props} />,
    warning: <WarningIcon className={classes.warning} {...props} />,
    unknown: <HelpIcon className={classes.neutral} {...props} />,
    progressing: <ScheduleIcon className={classes.neutral} {...props} />,
    ok: <CheckCircleIcon className={classes.ok} {...props} />,
    done: <DoneAllIcon className={classes.ok} {...props} />,
  }[verdict];
  return (
    <Typography variant="body2" component="span" className={classes.verdict}>
      {icon}
      {labels[verdict]}
    </Typography>
  );
};

/** "0.42 SU/h" */
export function formatSuPerHour(su: number): string {
  return `${su >= 10 ? Math.round(su) : Math.round(su * 100) / 100} SU/h`;
}

const ServiceRow = ({ service }: { service: ServiceHealth }) => {
  const classes = useStyles();
  const links = usePluginLinks();
  return (
    <ListItem divider className={classes.item}>
      <div className={classes.head}>
        <Verdict verdict={service.verdict} />
        <Typography variant="body1" component="span" className={classes.name}>
          <EntityRefLink entityRef={service.entity} title={service.title} />
        </Typography>
        {service.suPerHour !== undefined && (
          <Typography
            variant="body2"
            component="span"
            color="textSecondary"
            className={classes.cost}
            title="Jetstream2 service units its pods burn per hour"
          >
            {formatSuPerHour(service.suPerHour)}
          </Typography>
        )}
      </div>
      <Typography variant="body2" color="textSecondary">
        {service.summary}
      </Typography>
      {service.guide && (
        <Typography variant="body2">
          Guide:{' '}
          <Link to={links.guide(service.guide.id)}>
            {guideTitle(service.guide.id)}
          </Link>
        </Typography>
      )}
      {service.guide?.reason && (
        // two lines at most, the whole reason on hover; the entity's tab shows every reason in full
        <Typography
          variant="body2"
          color="textSecondary"
          className={classes.reason}
          title={service.guide.reason}
        >
          {`Why: ${service.guide.reason}`}
        </Typography>
      )}
    </ListItem>
  );
};

/** What to do when the user's groups own no service that says where its workloads are. */
export const HomePageCardEmptyState = () => {
  const classes = useStyles();
  const links = usePluginLinks();
  return (
    <div>
      <Typography variant="body1" paragraph>
        None of your groups' services says where its Kubernetes workloads are
        yet.
      </Typography>
      <Typography variant="body2" component="div">
        Add the <code>backstage.io/kubernetes-id</code> annotation to the
        service's <code>catalog-info.yaml</code>, with the value of the{' '}
        <code>backstage.io/kubernetes-id</code> label on its pods:
        <code className={classes.code}>
          {
            'metadata:\n  annotations:\n    backstage.io/kubernetes-id: my-service'
          }
        </code>
        or select them with{' '}
        <code>backstage.io/kubernetes-label-selector: app=my-service</code>. The
        service then shows here with its health, the guide that helps, and its
        Jetstream2 SU burn. See{' '}
        <Link to={links.root}>Kubernetes concepts and guides</Link>.
      </Typography>
    </div>
  );
};

/**
 * The home-page card: the runway of the signed-in user's groups' allocations, then their services on
 * Kubernetes with their health, the most useful guide and their SU burn, unhealthy first. It is the content of a home-page widget, which adds
 * the card's frame and title.
 */
export const HomePageCard = () => {
  const classes = useStyles();
  const { value, loading, error } = useServicesHealth();
  if (loading) return <Progress />;
  if (error)
    return (
      <ResponseErrorPanel error={error} title="Could not load your services" />
    );
  return (
    <>
      <YourAllocations />
      {!value || value.length === 0 ? (
        <HomePageCardEmptyState />
      ) : (
        <List className={classes.list} aria-label="Your services on Kubernetes">
          {value.map(service => (
            <ServiceRow key={service.entityRef} service={service} />
          ))}
        </List>
      )}
    </>
  );
};
