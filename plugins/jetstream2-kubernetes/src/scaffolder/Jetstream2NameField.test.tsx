import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  Jetstream2NameField,
  JETSTREAM2_NAME_FIELD,
  nameRulesOf,
  validateName,
} from './Jetstream2NameField';
import { renderForm } from './__testUtils__/renderForm';

// the real form, typed into key by key: slower than a unit test
jest.setTimeout(60_000);

/** The Cluster step of the cluster templates: a name with a pattern, in words through ajv-errors. */
const steps = [
  {
    title: 'Cluster',
    schema: {
      type: 'object',
      required: ['clusterName'],
      properties: {
        clusterName: {
          title: 'Cluster name',
          type: 'string',
          pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$',
          maxLength: 40,
          errorMessage: {
            pattern:
              "must use lowercase letters, digits and '-' only, starting with a letter and ending with a letter or digit (for example gpu-lab)",
          },
          'ui:field': JETSTREAM2_NAME_FIELD,
          'ui:hideError': true,
          'ui:options': { fallback: 'my-cluster' },
        },
      },
    },
  },
];

const extensions = [
  {
    name: JETSTREAM2_NAME_FIELD,
    component: Jetstream2NameField,
    validation: validateName,
  },
];

describe('the name field in the scaffolder form', () => {
  it('answers "GPU-Lab" in words with the fixed name, never with the pattern', async () => {
    const { onCreate } = await renderForm({ steps, extensions });
    const input = await screen.findByLabelText(/Cluster name/);
    await userEvent.type(input, 'GPU-Lab');
    const message = "Use lowercase letters, digits and '-': gpu-lab";
    expect(screen.getByText(message)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    // the form's list of errors speaks in words too; the field says it once
    expect(
      await screen.findByText(
        "'Cluster name' must use lowercase letters, digits and '-' only, starting with a letter and ending with a letter or digit (for example gpu-lab)",
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText(message)).toHaveLength(1);
    expect(document.body.textContent).not.toMatch(
      /must match pattern|\^\[a-z\]/,
    );

    // the suggestion is one click away, and then the form goes on
    await userEvent.click(screen.getByRole('button', { name: 'Use gpu-lab' }));
    expect(screen.getByLabelText(/Cluster name/)).toHaveValue('gpu-lab');
    expect(screen.queryByText(message)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Create' }),
    );
    expect(onCreate).toHaveBeenCalledWith({ clusterName: 'gpu-lab' });
  });

  it('blocks the step by its validation where a template gives no pattern', async () => {
    await renderForm({
      steps: [
        {
          title: 'Where',
          schema: {
            type: 'object',
            properties: {
              namespace: {
                title: 'Namespace',
                type: 'string',
                'ui:field': JETSTREAM2_NAME_FIELD,
                'ui:hideError': true,
                'ui:options': { startWithLetter: false },
              },
            },
          },
        },
      ],
      extensions,
    });
    await userEvent.type(await screen.findByLabelText(/Namespace/), 'My_NS');
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(
      await screen.findByText(
        "'Namespace' Use lowercase letters, digits and '-': my-ns",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create' })).toBeNull();
  });
});

describe('nameRulesOf', () => {
  it('reads the longest name from the schema and the rest from the options', () => {
    expect(nameRulesOf({ maxLength: 40 }, {})).toEqual({
      maxLength: 40,
      startWithLetter: true,
      fallback: 'my-name',
    });
    expect(
      nameRulesOf({}, { startWithLetter: false, fallback: 'default' }),
    ).toEqual({ maxLength: 63, startWithLetter: false, fallback: 'default' });
  });
});
