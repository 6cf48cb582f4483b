import { useEffect } from 'react';
import { Box, Typography } from '@material-ui/core';
import { Alert, AlertTitle } from '@material-ui/lab';
import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import {
  formatSu,
  formatSuPerHourAndMonth,
  HOURS_PER_MONTH,
} from '@internal/plugin-jetstream2-kubernetes-common';
import {
  ClusterCostFieldOptions,
  costOfForm,
  describeFormCost,
} from './costOfForm';

/** The name templates use: `ui:field: Jetstream2ClusterCost`. */
export const JETSTREAM2_CLUSTER_COST_FIELD = 'Jetstream2ClusterCost';

const optionsOf = (uiSchema: unknown) =>
  ((uiSchema as any)?.['ui:options'] ?? {}) as ClusterCostFieldOptions;

/**
 * Blocks the step (and so Create) when the plan step would refuse the plan: over the core quota, over the
 * allocation balance, or counts it cannot cost. The same checks as the plan action, from -common.
 */
export const validateClusterCost: CustomFieldValidator<
  string,
  ClusterCostFieldOptions
> = (_value, validation, context) => {
  const { problem } = costOfForm(
    context.formData as Record<string, unknown>,
    optionsOf(context.uiSchema),
  );
  if (problem) validation.addError(problem);
};

/**
 * Shows what the cluster being planned costs the allocation, in SU per hour and per month (730 hours),
 * and at the autoscaling minimum and maximum, as the person picks flavors and counts; says in words why
 * a plan over the quota or the balance cannot go on. It writes the cost into the form (as text), so the
 * review step shows it; its validation blocks the step while the plan would be refused.
 */
export const Jetstream2ClusterCostField = (
  props: FieldExtensionComponentProps<string, ClusterCostFieldOptions>,
) => {
  const values: Record<string, unknown> = {
    ...(props.formContext?.formData ?? {}),
  };
  const result = costOfForm(values, optionsOf(props.uiSchema));
  const title = props.schema?.title ?? 'Estimated cost';
  const text = result.cost ? describeFormCost(result.cost) : '';
  const { onChange, formData } = props;
  // Written even when empty: the form runs a field's validation only for keys its data holds, so a plan
  // that is refused from the start (a prefilled link) must still put the key there to be blocked.
  useEffect(() => {
    if (formData !== text) onChange(text);
  }, [formData, onChange, text]);

  return (
    <Box mt={1} mb={2} role="status" aria-live="polite" aria-label={title}>
      <Typography variant="subtitle2">{title}</Typography>
      {result.cost && (
        <>
          <Typography variant="h6" component="p">
            {formatSuPerHourAndMonth(result.cost)}
          </Typography>
          {result.cost.min && result.cost.max && (
            <Typography variant="body2">
              Autoscaling: from {formatSuPerHourAndMonth(result.cost.min)} at
              the minimum to {formatSuPerHourAndMonth(result.cost.max)} at the
              maximum.
            </Typography>
          )}
          <Typography variant="caption" color="textSecondary" component="p">
            Every node costs its flavor's rate, busy or idle: m3 1 SU, r3 2 SU,
            g3 4 SU per vCPU-hour; a month is {HOURS_PER_MONTH} hours.
          </Typography>
        </>
      )}
      {result.problem && (
        <Alert severity="error">
          <AlertTitle>This plan cannot be created</AlertTitle>
          {result.problem}
        </Alert>
      )}
      {!result.problem && result.balance !== undefined && (
        <Alert severity="success">
          Fits in the allocation balance of {formatSu(result.balance)} SU for a
          month.
        </Alert>
      )}
    </Box>
  );
};
