import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Jetstream2SearchResultListItem } from './Jetstream2SearchResultListItem';

describe('Jetstream2SearchResultListItem', () => {
  it('renders a concept with its icon, link and kind', async () => {
    await renderInTestApp(
      <Jetstream2SearchResultListItem
        result={
          {
            title: 'etcd',
            text: 'The cluster store',
            location: '/jetstream2-kubernetes/concepts/etcd',
            kind: 'concept',
          } as any
        }
      />,
    );
    expect(screen.getByRole('link', { name: 'etcd' })).toHaveAttribute(
      'href',
      '/jetstream2-kubernetes/concepts/etcd',
    );
    // the chip names the kind, and the icon carries the same accessible title
    expect(
      screen.getByText('Kubernetes concept', { selector: 'span' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Kubernetes concept', { selector: 'title' }),
    ).toBeInTheDocument();
  });

  it('renders a guide with highlighted text', async () => {
    await renderInTestApp(
      <Jetstream2SearchResultListItem
        result={
          {
            title: 'Manila shares',
            text: 'Share data',
            location: '/jetstream2-kubernetes/guides/k8s-manila',
            kind: 'guide',
          } as any
        }
        highlight={{
          preTag: '<em>',
          postTag: '</em>',
          fields: { text: 'Share a <em>Manila</em> share' },
        }}
      />,
    );
    expect(
      screen.getByText('Jetstream2 guide', { selector: 'span' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Manila').tagName).toBe('MARK');
  });

  it('renders nothing without a result', async () => {
    const { container } = await renderInTestApp(
      <Jetstream2SearchResultListItem />,
    );
    expect(container.querySelector('li')).toBeNull();
  });
});
