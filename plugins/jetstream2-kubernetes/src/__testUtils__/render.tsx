import type { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { ReactElement } from 'react';
import {
  jetstream2KubernetesApiRef,
  type Jetstream2KubernetesApi,
} from '../api';
import { rootRouteRef } from '../routes';
import { FakeJetstream2KubernetesApi } from './FakeJetstream2KubernetesApi';

/** Renders inside a test app with the fake API (or the one given), the plugin's page and entity pages mounted. */
export function renderWithApi(
  element: ReactElement,
  options: {
    api?: Jetstream2KubernetesApi;
    entity?: Entity;
    routeEntries?: string[];
  } = {},
) {
  const api = options.api ?? new FakeJetstream2KubernetesApi();
  const wrapped = options.entity ? (
    <EntityProvider entity={options.entity}>{element}</EntityProvider>
  ) : (
    element
  );
  return renderInTestApp(
    <TestApiProvider apis={[[jetstream2KubernetesApiRef, api]]}>
      {wrapped}
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/jetstream2-kubernetes': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
      routeEntries: options.routeEntries,
    },
  );
}
