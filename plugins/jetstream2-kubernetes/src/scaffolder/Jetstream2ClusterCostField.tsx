import { Box, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type { PlanCostAtSize } from '@internal/plugin-jetstream2-kubernetes-common';
import { ClusterCostFieldOptions, costOfForm } from './costOfForm';

/** The name templates use: `ui:field: Jetstream2ClusterCost`. */
export const JETSTREAM2_CLUSTER_COST_FIELD = 'Jetstream2ClusterCost';

const su = (n: number) =>
  Math.round(n).toLocaleString('en-US', { maximumFractionDigits: 0 });

const perHourAndMonth = (c: PlanCostAtSize) =>
  `${su(c.suPerHour)} SU/h · ${su(c.suPerMonth)} SU per month`;

/**
 * A read-only field that shows what the cluster being planned costs the allocation, in SU per hour and per
 * month (730 hours), and at the autoscaling minimum and maximum, as the person picks flavors and counts.
 * It reads the other fields from the form context and never writes a value.
 */
export const Jetstream2ClusterCostField = (
  props: FieldExtensionComponentProps<unknown, ClusterCostFieldOptions>,
) => {
  const values: Record<string, unknown> = {
    ...(props.formContext?.formData ?? {}),
  };
  const options = (props.uiSchema?.['ui:options'] ??
    {}) as ClusterCostFieldOptions;
  const result = costOfForm(values, options);
  const title = props.schema?.title ?? 'Estimated cost';

  return (
    <Box mt={1} mb={2} role="status" aria-live="polite" aria-label={title}>
      <Typography variant="subtitle2">{title}</Typography>
      {'error' in result ? (
        <Alert severity="info">
          Cannot compute the cost yet: {result.error}
        </Alert>
      ) : (
        <>
          <Typography variant="h6" component="p">
            {perHourAndMonth(result.cost)}
          </Typography>
          {result.cost.min && result.cost.max && (
            <Typography variant="body2">
              Autoscaling: from {perHourAndMonth(result.cost.min)} at the
              minimum to {perHourAndMonth(result.cost.max)} at the maximum.
            </Typography>
          )}
          <Typography variant="caption" color="textSecondary">
            Every node costs its flavor's rate, busy or idle: m3 1 SU, r3 2 SU,
            g3 4 SU per vCPU-hour; a month is 730 hours.
          </Typography>
          {result.shortfall !== undefined &&
            (result.shortfall > 0 ? (
              <Alert severity="warning">
                At its largest this plan exceeds the allocation balance of{' '}
                {su(result.balance ?? 0)} SU by {su(result.shortfall)} SU per
                month; the plan step will refuse it.
              </Alert>
            ) : (
              <Alert severity="success">
                Fits in the allocation balance of {su(result.balance ?? 0)} SU
                for a month.
              </Alert>
            ))}
        </>
      )}
    </Box>
  );
};
