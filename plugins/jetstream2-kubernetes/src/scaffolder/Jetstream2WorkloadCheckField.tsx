import { useEffect } from 'react';
import { Box, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { Progress } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { HOURS_PER_MONTH } from '@internal/plugin-jetstream2-kubernetes-common';
import {
  checkWorkloads,
  CheckedWorkload,
  summarizeChecks,
} from './describeWorkloadCheck';
import { useClusterCapacity } from './useClusterCapacity';
import { WorkloadCheckFieldOptions, workloadOfForm } from './workloadOfForm';

/** The name templates use: `ui:field: Jetstream2WorkloadCheck`. */
export const JETSTREAM2_WORKLOAD_CHECK_FIELD = 'Jetstream2WorkloadCheck';

function capacityError(error: Error, cluster: string): string {
  const status = error instanceof ResponseError ? error.statusCode : undefined;
  if (status === 404)
    return `The portal has no live data for the cluster ${cluster}, so it cannot say whether this fits.`;
  if (status === 403)
    return `You may not read the free room of ${cluster}; the platform team can allow it.`;
  return `Could not read the free room of ${cluster}: ${error.message}`;
}

const CheckedRow = ({
  checked,
  showTitle,
}: {
  checked: CheckedWorkload;
  showTitle: boolean;
}) => (
  <Box mt={1}>
    <Typography variant="body1" component="p">
      {showTitle ? `${checked.title}: ` : ''}
      {checked.cost}
    </Typography>
    <Alert severity={checked.fit.verdict === 'fits' ? 'success' : 'warning'}>
      {checked.fit.message}.
      {checked.fit.verdict === 'pending' &&
        ' Its pods wait until other workloads free the room or a node is added (a Magnum cluster that autoscales adds one in about 5 minutes). You can still create it.'}
    </Alert>
  </Box>
);

/**
 * Shows what a new workload (a deployment, or a JupyterHub's GPU servers) will cost and whether the
 * chosen cluster has room for it now, from the backend's live data ("0 of 1 GPU free on js2-demo: this
 * will stay Pending"). A lack of room is a warning, not an error: the room changes as workloads finish
 * and autoscalers add nodes, and a Pending pod starts by itself once there is room. It writes its
 * summary into the form, so the review step shows it.
 */
export const Jetstream2WorkloadCheckField = (
  props: FieldExtensionComponentProps<string, WorkloadCheckFieldOptions>,
) => {
  const values: Record<string, unknown> = {
    ...(props.formContext?.formData ?? {}),
  };
  const options = ((props.uiSchema as any)?.['ui:options'] ??
    {}) as WorkloadCheckFieldOptions;
  const workload = workloadOfForm(values, options);
  const cluster = 'cluster' in workload ? workload.cluster : undefined;
  const { value: capacity, loading, error } = useClusterCapacity(cluster);
  const checked =
    capacity && 'checks' in workload
      ? checkWorkloads(capacity, workload.checks)
      : undefined;
  const title = props.schema?.title ?? 'Cost and room on the cluster';

  const text = checked ? summarizeChecks(checked) : '';
  const { onChange, formData } = props;
  useEffect(() => {
    if ((formData ?? '') !== text) onChange(text);
  }, [formData, onChange, text]);

  let body;
  if ('missing' in workload) {
    body = <Typography variant="body2">{workload.missing}</Typography>;
  } else if (loading) {
    body = <Progress />;
  } else if (error) {
    body = (
      <Alert severity="info">{capacityError(error, workload.cluster)}</Alert>
    );
  } else if (checked) {
    body = (
      <>
        {checked.map(c => (
          <CheckedRow
            key={c.title}
            checked={c}
            showTitle={checked.length > 1}
          />
        ))}
        <Typography variant="caption" color="textSecondary" component="p">
          Cost is the pods' share of the nodes they run on (a node costs its
          flavor's rate, busy or idle; a month is {HOURS_PER_MONTH} hours).
          {capacity?.stale &&
            ` The room is as of ${
              capacity.collectedAt ?? 'an earlier collection'
            }: ${workload.cluster} has not answered since.`}
        </Typography>
      </>
    );
  }

  return (
    <Box mt={1} mb={2} role="status" aria-live="polite" aria-label={title}>
      <Typography variant="subtitle2">{title}</Typography>
      {body}
    </Box>
  );
};
