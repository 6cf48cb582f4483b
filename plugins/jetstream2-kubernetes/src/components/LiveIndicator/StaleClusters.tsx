import { Alert } from '@material-ui/lab';

/** A cluster whose data may be out of date. */
export interface StaleCluster {
  cluster: string;
  /** ISO time since when the cluster cannot be reached. */
  unreachableSince?: string;
  /** ISO time of the data shown. */
  collectedAt?: string;
}

function when(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toLocaleString();
}

/** "Cluster js2-demo cannot be reached since …; its data is as of …", one line per unreachable cluster. */
export const StaleClusters = ({ clusters }: { clusters: StaleCluster[] }) => {
  const stale = clusters.filter(c => c.unreachableSince);
  if (stale.length === 0) {
    return null;
  }
  return (
    <Alert severity="warning">
      {stale.map(c => (
        <div key={c.cluster}>
          Cluster {c.cluster} cannot be reached since{' '}
          {when(c.unreachableSince!)}
          {c.collectedAt
            ? `; its data here is as of ${when(c.collectedAt)}.`
            : '; no data has been collected from it yet.'}
        </div>
      ))}
    </Alert>
  );
};
