import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import {
  FakeJetstream2KubernetesApi,
  annotatedEntity,
  trainingWorkloadsResponse,
} from '../__testUtils__';
import { renderWithApi } from '../__testUtils__/render';
import { EntityOverviewCard } from './EntityOverviewCard';
import { EntityWorkloadsContent } from './EntityWorkloadsContent';
import { Jetstream2KubernetesPage } from './Jetstream2KubernetesPage';

jest.setTimeout(60_000);

// React warnings our own code can cause: list keys, invalid nesting (<h5> in <h2>), bad or deprecated
// props. Upstream's own deprecation notices (defaultProps in material-table, findDOMNode in MUI v4)
// are not ours to fix and are left out.
const OURS =
  /Each child in a list|validateDOMNesting|Failed prop type|Invalid prop|non-boolean attribute|Unknown event handler|React does not recognize/;

function reactWarnings(spy: jest.SpyInstance): string[] {
  return spy.mock.calls
    .map(args => args.map(String).join(' '))
    .filter(text => OURS.test(text));
}

describe('our components cause no React warnings', () => {
  let spy: jest.SpyInstance;
  beforeEach(() => {
    spy = jest.spyOn(console, 'error');
  });
  afterEach(() => {
    spy.mockRestore();
  });

  it('on the entity tab and the overview card', async () => {
    await renderWithApi(
      <>
        <EntityOverviewCard />
        <EntityWorkloadsContent />
      </>,
      { entity: annotatedEntity },
    );
    expect(
      await screen.findByRole('region', { name: 'Needs attention (1)' }),
    ).toBeInTheDocument();
    // the collapsed sections too, once opened
    await userEvent.click(
      screen.getByRole('button', { name: 'What these objects are' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Where it runs' }),
    );
    expect(await screen.findByText('Cluster js2-demo')).toBeInTheDocument();
    expect(reactWarnings(spy)).toEqual([]);
  });

  it('on the tab of a service whose Jobs finished', async () => {
    await renderWithApi(<EntityWorkloadsContent />, {
      entity: annotatedEntity,
      api: new FakeJetstream2KubernetesApi({
        workloads: trainingWorkloadsResponse,
      }),
    });
    expect(await screen.findByText('prepare-data')).toBeInTheDocument();
    expect(reactWarnings(spy)).toEqual([]);
  });

  it('on the clusters page', async () => {
    await renderWithApi(
      <Routes>
        <Route
          path="/jetstream2-kubernetes/*"
          element={<Jetstream2KubernetesPage />}
        />
      </Routes>,
      { routeEntries: ['/jetstream2-kubernetes/clusters'] },
    );
    expect(
      await screen.findByRole('img', { name: /Capacity of js2-demo/ }),
    ).toBeInTheDocument();
    expect(reactWarnings(spy)).toEqual([]);
  });
});
