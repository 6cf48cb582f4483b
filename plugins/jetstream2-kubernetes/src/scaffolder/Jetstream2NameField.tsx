import { Button, TextField } from '@material-ui/core';
import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import {
  checkName,
  NameRules,
} from '@internal/plugin-jetstream2-kubernetes-common';

/** The name templates use: `ui:field: Jetstream2Name`. */
export const JETSTREAM2_NAME_FIELD = 'Jetstream2Name';

/** `ui:options` of the name field. The longest name comes from the schema's `maxLength` (63 without). */
export interface NameFieldOptions {
  /** False for names that may start with a digit, such as namespaces; true by default. */
  startWithLetter?: boolean;
  /** Suggested when nothing usable is left of what was typed, e.g. "my-service". */
  fallback?: string;
}

/** The naming rules of a field, from its schema and options. */
export function nameRulesOf(
  schema: { maxLength?: unknown } | undefined,
  options: NameFieldOptions | undefined,
): NameRules {
  const maxLength =
    typeof schema?.maxLength === 'number' ? schema.maxLength : 63;
  return {
    maxLength,
    startWithLetter: options?.startWithLetter ?? true,
    fallback: options?.fallback ?? 'my-name',
  };
}

const optionsOf = (uiSchema: unknown) =>
  ((uiSchema as any)?.['ui:options'] ?? {}) as NameFieldOptions;

/** Blocks the step with the same words the field shows, for templates that give no `pattern`. */
export const validateName: CustomFieldValidator<string, NameFieldOptions> = (
  value,
  validation,
  context,
) => {
  const result = checkName(
    typeof value === 'string' ? value : '',
    nameRulesOf(context.schema, optionsOf(context.uiSchema)),
  );
  if (!result.ok) validation.addError(result.message);
};

/**
 * A text field for a name that becomes a Kubernetes or DNS name. While the name breaks a rule it says which
 * in words and offers the nearest valid name ("Use lowercase letters, digits and '-': gpu-lab"), with a
 * button that puts it in. The rules are checkName's in -common, the ones the plan action applies. Give the
 * field `ui:hideError: true` in the template: it shows the form's own errors for the field itself, once.
 */
export const Jetstream2NameField = (
  props: FieldExtensionComponentProps<string, NameFieldOptions>,
) => {
  const {
    formData,
    onChange,
    schema,
    uiSchema,
    rawErrors,
    required,
    disabled,
    readonly,
    idSchema,
  } = props;
  const value = typeof formData === 'string' ? formData : '';
  const result = checkName(value, nameRulesOf(schema, optionsOf(uiSchema)));
  const message = result.ok ? rawErrors?.[0] : result.message;
  const id = idSchema?.$id ?? 'name';
  // an emptied field holds no value, so that "required" speaks for it
  const set = onChange as (value: string | undefined) => void;
  return (
    <TextField
      id={id}
      name={id}
      label={schema?.title}
      required={required}
      disabled={disabled || readonly}
      value={value}
      onChange={e => set(e.target.value === '' ? undefined : e.target.value)}
      error={Boolean(message)}
      helperText={
        message && (
          <>
            {message}
            {!result.ok && (
              <>
                {' '}
                <Button
                  size="small"
                  color="primary"
                  onClick={() => set(result.suggestion)}
                >
                  Use {result.suggestion}
                </Button>
              </>
            )}
          </>
        )
      }
      FormHelperTextProps={{ component: 'div' } as object}
    />
  );
};
