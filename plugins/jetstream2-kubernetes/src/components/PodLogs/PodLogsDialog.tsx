import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  InputLabel,
  makeStyles,
  MenuItem,
  Select,
} from '@material-ui/core';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { jetstream2KubernetesApiRef, type EntityName } from '../../api';
import type { Pod } from '../common/pods';

export const TAIL_CHOICES = [100, 500, 1000, 5000] as const;

const useStyles = makeStyles(theme => ({
  controls: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    alignItems: 'center',
    marginBottom: theme.spacing(2),
  },
  picker: { minWidth: 160 },
  log: {
    margin: 0,
    padding: theme.spacing(1),
    maxHeight: '60vh',
    overflow: 'auto',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'break-word',
    fontSize: 12,
    backgroundColor: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
  },
}));

/** The names of a pod's containers, init containers last. */
export function containerNames(pod: Pod): string[] {
  return [
    ...(pod.spec?.containers ?? []).map(c => c.name),
    ...(pod.spec?.initContainers ?? []).map(c => c.name),
  ];
}

export interface PodLogsDialogProps {
  open: boolean;
  onClose: () => void;
  entity: EntityName;
  cluster: string;
  pod: Pod;
}

/** A container's log read through our backend's logs route (not upstream's proxy). */
export const PodLogsDialog = ({
  open,
  onClose,
  entity,
  cluster,
  pod,
}: PodLogsDialogProps) => {
  const classes = useStyles();
  const api = useApi(jetstream2KubernetesApiRef);
  const names = containerNames(pod);
  const podName = pod.metadata?.name ?? '';
  const podNamespace = pod.metadata?.namespace ?? 'default';
  const [container, setContainer] = useState(names[0] ?? '');
  const [previous, setPrevious] = useState(false);
  const [tailLines, setTailLines] = useState<number>(TAIL_CHOICES[1]);
  const [reloads, setReloads] = useState(0);

  const logs = useAsync(async () => {
    if (!open || !container) return undefined;
    return api.getPodLogs({
      entity,
      cluster,
      podNamespace,
      pod: podName,
      container,
      previous,
      tailLines,
    });
  }, [
    open,
    api,
    cluster,
    podNamespace,
    podName,
    container,
    previous,
    tailLines,
    reloads,
  ]);

  const titleId = `logs-title-${podName}`;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      maxWidth="lg"
      fullWidth
      aria-labelledby={titleId}
    >
      <DialogTitle id={titleId}>Logs of {podName}</DialogTitle>
      <DialogContent>
        <div className={classes.controls}>
          <FormControl className={classes.picker}>
            <InputLabel id={`${titleId}-container`}>Container</InputLabel>
            <Select
              labelId={`${titleId}-container`}
              value={container}
              onChange={e => setContainer(String(e.target.value))}
            >
              {names.map(name => (
                <MenuItem key={name} value={name}>
                  {name}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <FormControl className={classes.picker}>
            <InputLabel id={`${titleId}-tail`}>Last lines</InputLabel>
            <Select
              labelId={`${titleId}-tail`}
              value={tailLines}
              onChange={e => setTailLines(Number(e.target.value))}
            >
              {TAIL_CHOICES.map(n => (
                <MenuItem key={n} value={n}>
                  {n}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <FormControlLabel
            control={
              <Checkbox
                checked={previous}
                onChange={e => setPrevious(e.target.checked)}
              />
            }
            label="Previous run (before the last restart)"
          />
        </div>
        {logs.loading && <Progress />}
        {logs.error && (
          <ResponseErrorPanel
            error={logs.error}
            title={`Could not read the log of ${container}`}
          />
        )}
        {!logs.loading && !logs.error && logs.value !== undefined && (
          <pre
            className={classes.log}
            aria-label={`Log of ${container}`}
            // a scrollable region must be reachable by keyboard (WCAG 2.1.1)
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
            tabIndex={0}
          >
            {logs.value || 'The log is empty.'}
          </pre>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => setReloads(n => n + 1)}>Reload</Button>
        <Button onClick={onClose} color="primary">
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
};
