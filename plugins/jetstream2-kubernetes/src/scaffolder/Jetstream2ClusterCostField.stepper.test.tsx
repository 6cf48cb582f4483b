import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  Jetstream2ClusterCostField,
  JETSTREAM2_CLUSTER_COST_FIELD,
  validateClusterCost,
} from './Jetstream2ClusterCostField';
import { renderForm } from './__testUtils__/renderForm';

/** The Project and Sizing steps of the cluster templates, as they hold the fields the cost field reads. */
const steps = [
  {
    title: 'Project',
    schema: {
      type: 'object',
      properties: {
        allocationKind: {
          title: 'Allocation kind',
          type: 'string',
          enum: ['cpu', 'gpu'],
          default: 'gpu',
        },
        allocationBalance: {
          title: 'SU left in the allocation (optional)',
          type: 'number',
          minimum: 0,
          errorMessage: 'must be a number of SU, 0 or more',
        },
      },
    },
  },
  {
    title: 'Sizing',
    schema: {
      type: 'object',
      'ui:order': ['*', 'estimatedCost'],
      required: ['masterFlavor', 'workerFlavor', 'nodeCount'],
      properties: {
        masterFlavor: {
          title: 'Control plane flavor',
          type: 'string',
          enum: ['m3.quad'],
          default: 'm3.quad',
        },
        masterCount: {
          title: 'Control plane nodes',
          type: 'integer',
          default: 1,
        },
        workerFlavor: {
          title: 'Worker flavor',
          type: 'string',
          enum: ['g3.medium'],
          default: 'g3.medium',
        },
        nodeCount: {
          title: 'Workers at creation',
          type: 'integer',
          default: 1,
          minimum: 1,
          maximum: 100,
          errorMessage: 'must be a whole number of workers from 1 to 100',
        },
        estimatedCost: {
          title: 'Estimated cost',
          type: 'string',
          'ui:field': JETSTREAM2_CLUSTER_COST_FIELD,
          'ui:hideError': true,
        },
      },
    },
  },
];

// the real form with its validation: slower than a unit test
jest.setTimeout(60_000);

const extensions = [
  {
    name: JETSTREAM2_CLUSTER_COST_FIELD,
    component: Jetstream2ClusterCostField,
    validation: validateClusterCost,
  },
];

async function toSizing(
  balance?: string,
  initialState?: Parameters<typeof renderForm>[0]['initialState'],
) {
  const { onCreate } = await renderForm({ steps, extensions, initialState });
  if (balance !== undefined) {
    fireEvent.change(
      await screen.findByLabelText(/SU left in the allocation/),
      {
        target: { value: balance },
      },
    );
  }
  await userEvent.click(screen.getByRole('button', { name: 'Next' }));
  const workers = await screen.findByLabelText(/Workers at creation/);
  return { onCreate, workers };
}

function setWorkers(input: HTMLElement, value: string) {
  fireEvent.change(input, { target: { value } });
}

const review = () =>
  userEvent.click(screen.getByRole('button', { name: 'Review' }));

describe('the cost field in the scaffolder form', () => {
  it('blocks Create while the plan is over the allocation balance, saying so in words', async () => {
    const { onCreate, workers } = await toSizing('50000');
    // m3.quad 4 + 3 × g3.medium 32 = 100 SU/h = 73,000 SU a month
    setWorkers(workers, '3');
    const cost = screen.getByRole('status', { name: 'Estimated cost' });
    expect(cost).toHaveTextContent('100 SU/h · 73,000 SU per month');
    const problem =
      'At its largest (3 × g3.medium workers) the cluster costs 73,000 SU per month (100 SU/h), which exceeds the allocation balance of 50,000 SU by 23,000 SU. Lower "Workers at creation", pick a smaller "Worker flavor", or ask ACCESS for more SUs.';
    expect(cost).toHaveTextContent(problem);

    await review();
    // still on Sizing: the form's error list says it too, and there is no Create button
    expect(
      await screen.findByText(`'Estimated cost' ${problem}`),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/Workers at creation/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create' })).toBeNull();

    // within the balance: on to the review, which shows the cost
    setWorkers(screen.getByLabelText(/Workers at creation/), '1');
    expect(cost).toHaveTextContent(
      'Fits in the allocation balance of 50,000 SU for a month.',
    );
    await review();
    const create = await screen.findByRole('button', { name: 'Create' });
    const row = screen.getByText('Estimated cost').closest('tr')!;
    expect(
      within(row).getByText('36 SU/h · 26,280 SU per month'),
    ).toBeInTheDocument();
    await userEvent.click(create);
    expect(onCreate).toHaveBeenCalledWith(
      expect.objectContaining({
        nodeCount: 1,
        allocationBalance: 50000,
        estimatedCost: '36 SU/h · 26,280 SU per month',
      }),
    );
  });

  it('blocks Create while the plan is over the core quota', async () => {
    await toSizing();
    // 4 + 8 × 8 = 68 cores, over the GPU allocation's 64
    setWorkers(screen.getByLabelText(/Workers at creation/), '8');
    const problem =
      'At its largest the cluster needs 68 cores (1 × m3.quad + 8 × g3.medium) but the allocation\'s quota is 64 cores. Lower "Workers at creation" to 7 or less, pick a smaller "Worker flavor", or ask the Jetstream2 team for more quota and enter it in "Core quota".';
    expect(
      screen.getByRole('status', { name: 'Estimated cost' }),
    ).toHaveTextContent(problem);
    await review();
    expect(
      await screen.findByText(`'Estimated cost' ${problem}`),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create' })).toBeNull();
  });

  it('blocks Create when the form opens already over the quota (a prefilled link)', async () => {
    // the field has no cost to write, yet its validation runs: the step does not let go
    await toSizing(undefined, { nodeCount: 8 });
    const problem =
      "At its largest the cluster needs 68 cores (1 × m3.quad + 8 × g3.medium) but the allocation's quota is 64 cores.";
    expect(
      screen.getByRole('status', { name: 'Estimated cost' }),
    ).toHaveTextContent(problem);
    await review();
    expect(
      await screen.findByText(`'Estimated cost' ${problem}`, { exact: false }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/Workers at creation/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create' })).toBeNull();
  });
});
