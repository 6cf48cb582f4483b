import { Link } from '@backstage/core-components';
import { Alert, AlertTitle } from '@material-ui/lab';
import type { ClusterError } from '@internal/plugin-jetstream2-kubernetes-common';
import { guideTitle } from '../common/catalogue';
import { usePluginLinks } from '../common/links';

const reasonText: Record<string, string> = {
  unauthorized: 'the portal’s credentials were refused (401)',
  forbidden: 'the portal may not read these objects (403)',
  unreachable: 'the API server could not be reached',
  timeout: 'the API server did not answer in time',
  tls: 'the API server’s certificate could not be verified',
  unknown: 'an unexpected error',
};

/** Why one cluster could not be read, and which guide helps. */
export const ClusterErrorPanel = ({
  cluster,
  error,
}: {
  cluster: string;
  error?: ClusterError;
}) => {
  const links = usePluginLinks();
  const reason = error?.reason
    ? reasonText[error.reason] ?? error.reason
    : undefined;
  return (
    <Alert severity="error" role="alert">
      <AlertTitle>Cluster {cluster} could not be read</AlertTitle>
      {reason && <div>Cause: {reason}.</div>}
      {error?.message && <div>{error.message}</div>}
      {error?.guideId && (
        <div>
          What helps:{' '}
          <Link to={links.guide(error.guideId)}>
            {guideTitle(error.guideId)}
          </Link>
        </div>
      )}
    </Alert>
  );
};
