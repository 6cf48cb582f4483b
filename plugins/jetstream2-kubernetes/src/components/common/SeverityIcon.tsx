import type { InsightSeverity } from '@internal/plugin-jetstream2-kubernetes-common';
import ErrorIcon from '@material-ui/icons/Error';
import InfoIcon from '@material-ui/icons/Info';
import WarningIcon from '@material-ui/icons/Warning';

const labels: Record<InsightSeverity, string> = {
  error: 'Problem',
  warning: 'Warning',
  info: 'Tip',
};

/** An icon for an insight's severity, with an accessible name. */
export const SeverityIcon = ({ severity }: { severity?: InsightSeverity }) => {
  const s: InsightSeverity = severity ?? 'info';
  const props = { titleAccess: labels[s], fontSize: 'small' as const };
  if (s === 'error') return <ErrorIcon color="error" {...props} />;
  if (s === 'warning')
    return <WarningIcon style={{ color: '#f57c00' }} {...props} />;
  return <InfoIcon color="primary" {...props} />;
};
