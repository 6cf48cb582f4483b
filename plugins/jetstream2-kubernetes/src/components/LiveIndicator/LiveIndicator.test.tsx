import { renderInTestApp } from '@backstage/test-utils';
import { act, screen } from '@testing-library/react';
import { formatAge, LiveIndicator } from './LiveIndicator';
import { StaleClusters } from './StaleClusters';

describe('LiveIndicator', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('formats ages', () => {
    expect(formatAge(0.4)).toBe('just now');
    expect(formatAge(2)).toBe('2 s ago');
    expect(formatAge(125)).toBe('2 min ago');
    expect(formatAge(7300)).toBe('2 h ago');
  });

  it('says it is live and ticks the age every second', async () => {
    const start = Date.parse('2025-01-01T12:00:00Z');
    jest.useFakeTimers({ now: start });
    await renderInTestApp(<LiveIndicator live updatedAt={new Date(start)} />);
    const indicator = screen.getByTestId('live-indicator');
    expect(indicator).toHaveTextContent('Live · updated just now');
    await act(async () => {
      jest.advanceTimersByTime(3_000);
    });
    expect(indicator).toHaveTextContent('Live · updated 3 s ago');
    expect(indicator).toHaveAttribute(
      'title',
      expect.stringContaining('Last updated'),
    );
  });

  it('says when it polls and when the last update failed', async () => {
    const { unmount } = await renderInTestApp(
      <LiveIndicator live={false} updatedAt={new Date()} />,
    );
    expect(await screen.findByTestId('live-indicator')).toHaveTextContent(
      /^Refreshed every 10 s · updated/,
    );
    unmount();
    await renderInTestApp(
      <LiveIndicator live updatedAt={new Date()} error={new Error('down')} />,
    );
    const indicator = await screen.findByTestId('live-indicator');
    expect(indicator).toHaveTextContent(/^Update failed · updated/);
    expect(indicator.getAttribute('title')).toContain('down');
  });

  it('says since when an unreachable cluster is stale', async () => {
    const since = '2025-01-01T12:05:00Z';
    const collected = '2025-01-01T12:00:00Z';
    await renderInTestApp(
      <StaleClusters
        clusters={[
          { cluster: 'js2-ok', collectedAt: collected },
          {
            cluster: 'js2-far',
            unreachableSince: since,
            collectedAt: collected,
          },
        ]}
      />,
    );
    const text = await screen.findByText(/Cluster js2-far cannot be reached/);
    expect(text).toHaveTextContent(new Date(since).toLocaleString());
    expect(text).toHaveTextContent(
      `its data here is as of ${new Date(collected).toLocaleString()}`,
    );
    expect(screen.queryByText(/js2-ok/)).not.toBeInTheDocument();
  });
});
