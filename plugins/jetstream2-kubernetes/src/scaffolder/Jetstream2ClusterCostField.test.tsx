import { useState } from 'react';
import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen } from '@testing-library/react';
import { Jetstream2ClusterCostField } from './Jetstream2ClusterCostField';
import { costOfForm } from './costOfForm';

const magnumForm = {
  clusterName: 'gpu-lab',
  allocationKind: 'gpu',
  masterCount: 1,
  masterFlavor: 'm3.quad',
  workerFlavor: 'g3.medium',
  nodeCount: 1,
  autoscaling: false,
};

/** The field as the scaffolder's form renders it: the whole form's data in formContext.formData. */
const fieldProps = (formData: Record<string, unknown>, options = {}) =>
  ({
    formContext: { formData },
    uiSchema: { 'ui:options': options },
    schema: { title: 'Estimated cost', type: 'object' },
    formData: undefined,
    onChange: jest.fn(),
    idSchema: { $id: 'root_estimatedCost' },
    name: 'estimatedCost',
    required: false,
    disabled: false,
    readonly: true,
  } as any);

/** A stand-in for the form: a node-count input and the field reading the form's data. */
const Form = ({ initial }: { initial: Record<string, unknown> }) => {
  const [data, setData] = useState(initial);
  return (
    <>
      <label>
        Workers at creation
        <input
          type="number"
          value={String(data.nodeCount ?? '')}
          onChange={e =>
            setData({
              ...data,
              nodeCount:
                e.target.value === '' ? undefined : Number(e.target.value),
            })
          }
        />
      </label>
      <Jetstream2ClusterCostField {...fieldProps(data)} />
    </>
  );
};

describe('Jetstream2ClusterCostField', () => {
  it('follows the node count live', async () => {
    await renderInTestApp(<Form initial={magnumForm} />);
    const status = screen.getByRole('status', { name: 'Estimated cost' });
    // m3.quad 4 SU/h + g3.medium 32 SU/h
    expect(status).toHaveTextContent('36 SU/h · 26,280 SU per month');

    fireEvent.change(screen.getByLabelText('Workers at creation'), {
      target: { value: '3' },
    });
    expect(status).toHaveTextContent('100 SU/h · 73,000 SU per month');
  });

  it('says in words, naming fields by their labels, why it cannot cost a count', async () => {
    await renderInTestApp(<Form initial={magnumForm} />);
    const input = screen.getByLabelText('Workers at creation');
    const status = screen.getByRole('status', { name: 'Estimated cost' });

    fireEvent.change(input, { target: { value: '-2' } });
    expect(status).toHaveTextContent(
      'This plan cannot be created"Workers at creation" cannot be -2: use a whole number of worker nodes, at least 1.',
    );
    fireEvent.change(input, { target: { value: '' } });
    expect(status).toHaveTextContent(
      'Fill in "Workers at creation" (a number of worker nodes).',
    );
    // 4 + 8 × 8 = 68 cores > the GPU allocation's 64
    fireEvent.change(input, { target: { value: '8' } });
    expect(status).toHaveTextContent('quota is 64 cores');
    fireEvent.change(input, { target: { value: '2' } });
    expect(status).toHaveTextContent('68 SU/h');
  });

  it('shows the autoscaling minimum and maximum and the balance', async () => {
    await renderInTestApp(
      <Jetstream2ClusterCostField
        {...fieldProps({
          ...magnumForm,
          autoscaling: true,
          minNodes: 1,
          maxNodes: 3,
          allocationBalance: 50000,
        })}
      />,
    );
    expect(
      screen.getByText(
        'Autoscaling: from 36 SU/h · 26,280 SU per month at the minimum to 100 SU/h · 73,000 SU per month at the maximum.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /exceeds the allocation balance of 50,000 SU by 23,000 SU\. Lower "Most workers"/,
      ),
    ).toBeInTheDocument();
  });

  it('writes the cost into the form, so the review step lists it', async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <Jetstream2ClusterCostField
        {...fieldProps({
          ...magnumForm,
          autoscaling: true,
          minNodes: 1,
          maxNodes: 3,
        })}
        onChange={onChange}
      />,
    );
    expect(onChange).toHaveBeenLastCalledWith(
      '36 SU/h · 26,280 SU per month at the start; 36 SU/h · 26,280 SU per month with the fewest workers, 100 SU/h · 73,000 SU per month with the most',
    );
  });

  it('reads fields under other names through ui:options', async () => {
    await renderInTestApp(
      <Jetstream2ClusterCostField
        {...fieldProps(
          { cp: 'm3.medium', n: 3, w: 'm3.large', workers: 2 },
          {
            masterFlavorField: 'cp',
            masterCountField: 'n',
            workerFlavorField: 'w',
            nodeCountField: 'workers',
          },
        )}
      />,
    );
    // 3 × 8 + 2 × 16
    expect(screen.getByRole('status')).toHaveTextContent('56 SU/h');
  });
});

describe('costOfForm', () => {
  it('uses the quota of the allocation kind unless a raised quota is given', () => {
    const big = { ...magnumForm, nodeCount: 8 };
    expect(costOfForm(big)).toEqual({
      problem: expect.stringMatching(/quota is 64 cores/),
    });
    expect(costOfForm({ ...big, quotaCores: 100 })).toMatchObject({
      cost: { suPerHour: 4 + 8 * 32 },
    });
    expect(costOfForm({ ...big, allocationKind: 'trial' })).toEqual({
      problem: expect.stringMatching(/quota is 2 cores/),
    });
  });

  it('refuses a negative balance in words', () => {
    expect(
      costOfForm({ ...magnumForm, allocationBalance: -5 }).problem,
    ).toMatch(/^"SU left in the allocation" must be a number of SU, 0 or more/);
  });
});
