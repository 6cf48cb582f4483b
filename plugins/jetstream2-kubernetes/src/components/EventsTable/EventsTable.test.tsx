import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ObjectEvent } from '@internal/plugin-jetstream2-kubernetes-common';
import { workloadsResponse } from '../../__testUtils__';
import { EventsTable } from './EventsTable';

// the first render loads material-table on a cold jest cache: start-up cost, not a speed target
jest.setTimeout(30_000);

const events = workloadsResponse.events!;
const reasons = (rows: HTMLElement[]) =>
  rows.map(r => within(r).getAllByRole('cell')[1].textContent);

describe('EventsTable', () => {
  it('shows warnings with type, reason, object, count and age; normal events behind a button', async () => {
    await renderInTestApp(<EventsTable events={events} showCluster />);
    let rows = (await screen.findAllByRole('row')).slice(1);
    expect(reasons(rows)).toEqual(['FailedScheduling']);
    const warning = rows[0];
    expect(within(warning).getByText('Warning')).toBeInTheDocument();
    expect(
      within(warning).getByText('Pod science-api-7d9f-ghi56 (js2-demo)'),
    ).toBeInTheDocument();
    expect(within(warning).getByText('7')).toBeInTheDocument();
    expect(within(warning).getByText(/ago$/)).toHaveAttribute(
      'title',
      '2025-01-01T11:59:00Z',
    );
    expect(warning).toHaveStyle({ backgroundColor: 'rgba(255, 152, 0, 0.08)' });

    await userEvent.click(
      screen.getByRole('button', { name: 'Show 2 normal events' }),
    );
    rows = screen.getAllByRole('row').slice(1);
    // warnings first, then the newest
    expect(reasons(rows)).toEqual([
      'FailedScheduling',
      'Pulled',
      'ScalingReplicaSet',
    ]);
    expect(within(rows[1]).getByText('Normal')).toBeInTheDocument();
    expect(rows[1]).not.toHaveStyle({
      backgroundColor: 'rgba(255, 152, 0, 0.08)',
    });
    expect(
      screen.getByRole('button', { name: 'Hide normal events' }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('groups the repeats of a reason about an object with their count', async () => {
    const repeat = (
      count: number,
      lastSeen: string,
      message: string,
    ): ObjectEvent => ({
      cluster: 'js2-demo',
      type: 'Warning',
      reason: 'BackOff',
      message,
      object: { kind: 'Pod', namespace: 'science', name: 'worker-1' },
      count,
      lastSeen,
    });
    await renderInTestApp(
      <EventsTable
        events={[
          repeat(4, '2025-01-01T10:00:00Z', 'older'),
          repeat(10, '2025-01-01T11:00:00Z', 'newer'),
        ]}
      />,
    );
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(rows).toHaveLength(1);
    expect(within(rows[0]).getByText('14')).toBeInTheDocument();
    expect(within(rows[0]).getByText('newer')).toBeInTheDocument();
    // one cluster: the object without it
    expect(within(rows[0]).getByText('Pod worker-1')).toBeInTheDocument();
  });

  it('says so when there are no warnings, and when there are no events', async () => {
    const normal = events.filter(e => e.type === 'Normal');
    const { unmount } = await renderInTestApp(<EventsTable events={normal} />);
    expect(await screen.findByText('No warnings.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    unmount();
    await renderInTestApp(<EventsTable events={[]} emptyText="Nothing." />);
    expect(await screen.findByText('Nothing.')).toBeInTheDocument();
  });
});
