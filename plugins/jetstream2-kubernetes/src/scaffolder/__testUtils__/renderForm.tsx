import type { ComponentProps } from 'react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import type { FieldExtensionOptions } from '@backstage/plugin-scaffolder-react';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import {
  jetstream2KubernetesApiRef,
  type Jetstream2KubernetesApi,
} from '../../api';
import { FakeJetstream2KubernetesApi } from '../../__testUtils__';

/**
 * Renders the scaffolder's own form (the Stepper of @backstage/plugin-scaffolder-react, with its ajv and
 * ajv-errors validation and the field extensions' validation functions) over the given steps, as the
 * Create page does for a template.
 */
export async function renderForm(options: {
  steps: Array<{ title: string; schema: Record<string, unknown> }>;
  extensions: FieldExtensionOptions<any, any>[];
  onCreate?: jest.Mock;
  api?: Jetstream2KubernetesApi;
  /** Values the form starts with, as a template's `?formData=` link gives them. */
  initialState?: ComponentProps<typeof Stepper>['initialState'];
}) {
  const onCreate = options.onCreate ?? jest.fn(async () => {});
  // the Stepper scrolls to the top of each step; jsdom has no scrolling
  window.scrollTo = jest.fn() as typeof window.scrollTo;
  const rendered = await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          jetstream2KubernetesApiRef,
          options.api ?? new FakeJetstream2KubernetesApi(),
        ],
      ]}
    >
      <Stepper
        manifest={{ title: 'A template', steps: options.steps as any }}
        extensions={options.extensions}
        onCreate={onCreate}
        initialState={options.initialState}
      />
    </TestApiProvider>,
  );
  return { rendered, onCreate };
}
