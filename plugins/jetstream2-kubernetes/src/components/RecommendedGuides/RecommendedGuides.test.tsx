import { screen } from '@testing-library/react';
import { renderWithApi } from '../../__testUtils__/render';
import { RecommendedGuides } from './RecommendedGuides';

describe('RecommendedGuides', () => {
  it('lists each guide with the problems it answers, severity, reasons and links to the guide, its original and its template', async () => {
    await renderWithApi(
      <RecommendedGuides
        recommendations={[
          {
            guideId: 'k8s-gpu',
            severity: 'warning',
            problems: ['Pod trainer-1 is waiting for a GPU', 'No GPU node'],
            reasons: ['A pod waits for a GPU.', 'No GPU node.'],
          },
        ]}
      />,
    );
    expect(await screen.findByTitle('Warning')).toBeInTheDocument();
    // the problem is named before the guide
    const problem = screen.getByText(
      'Pod trainer-1 is waiting for a GPU; No GPU node',
    );
    const guide = screen.getByRole('link', { name: /GPU/ });
    expect(
      problem.compareDocumentPosition(guide) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(screen.getByText('Why this guide')).toBeInTheDocument();
    expect(screen.getByText('A pod waits for a GPU.')).toBeInTheDocument();
    expect(screen.getByText('No GPU node.')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Use the template' }),
    ).toHaveAttribute(
      'href',
      '/create/templates/default/jetstream2-jupyterhub-gpu',
    );
    expect(
      screen.getByRole('link', { name: /Read the original guide/ }),
    ).toHaveAttribute('href', expect.stringContaining('k8sgpu'));
  });

  it('still names an unknown guide and points to the basics when nothing is recommended', async () => {
    const { unmount } = await renderWithApi(
      <RecommendedGuides
        recommendations={[
          { guideId: 'unknown-guide', severity: 'info', reasons: [] },
        ]}
      />,
    );
    expect(
      await screen.findByRole('link', { name: 'unknown-guide' }),
    ).toBeInTheDocument();
    unmount();
    await renderWithApi(<RecommendedGuides recommendations={[]} />);
    expect(
      await screen.findByText(/Nothing in the live data needs attention/),
    ).toBeInTheDocument();
  });
});
