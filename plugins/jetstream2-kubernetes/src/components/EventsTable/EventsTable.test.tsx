import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { workloadsResponse } from '../../__testUtils__';
import { EventsTable } from './EventsTable';

describe('EventsTable', () => {
  it('lists all events newest first with type, reason, object, count and age; warnings marked', async () => {
    await renderInTestApp(
      <EventsTable title="Events" events={workloadsResponse.events!} />,
    );
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(
      rows.map(r => within(r).getAllByRole('cell')[1].textContent),
    ).toEqual(['FailedScheduling', 'Pulled', 'ScalingReplicaSet']);
    const warning = rows[0];
    expect(within(warning).getByText('Warning')).toBeInTheDocument();
    expect(
      within(warning).getByText(
        'Pod science/science-api-7d9f-ghi56 (js2-demo)',
      ),
    ).toBeInTheDocument();
    expect(within(warning).getByText('7')).toBeInTheDocument();
    expect(within(warning).getByText(/ago$/)).toHaveAttribute(
      'title',
      '2025-01-01T11:59:00Z',
    );
    expect(warning).toHaveStyle({ backgroundColor: 'rgba(255, 152, 0, 0.08)' });
    expect(within(rows[1]).getByText('Normal')).toBeInTheDocument();
    expect(rows[1]).not.toHaveStyle({
      backgroundColor: 'rgba(255, 152, 0, 0.08)',
    });
  });

  it('says when there are none', async () => {
    await renderInTestApp(<EventsTable events={[]} emptyText="Nothing." />);
    expect(await screen.findByText('Nothing.')).toBeInTheDocument();
  });
});
