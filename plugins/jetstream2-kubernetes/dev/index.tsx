import { createDevApp } from '@backstage/dev-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { Content, Header, Page } from '@backstage/core-components';
import { Grid } from '@material-ui/core';
import {
  EntityJetstream2KubernetesCard,
  EntityJetstream2KubernetesContent,
  EntityJetstream2KubernetesTopologyContent,
  Jetstream2KubernetesPage,
  jetstream2KubernetesPlugin,
} from '../src/plugin';
import { jetstream2KubernetesApiRef } from '../src/api';
import {
  FakeJetstream2KubernetesApi,
  annotatedEntity,
  plainEntity,
} from '../src/__testUtils__';

// A harness over the fake API: `npx backstage-cli package start` in this folder.
createDevApp()
  .registerPlugin(jetstream2KubernetesPlugin)
  .registerApi({
    api: jetstream2KubernetesApiRef,
    deps: {},
    factory: () => new FakeJetstream2KubernetesApi(),
  })
  .addPage({
    element: <Jetstream2KubernetesPage />,
    title: 'Guides page',
    path: '/jetstream2-kubernetes',
  })
  .addPage({
    title: 'Entity tab',
    path: '/entity',
    element: (
      <Page themeId="service">
        <Header title="science-api" subtitle="Kubernetes" />
        <Content>
          <EntityProvider entity={annotatedEntity}>
            <Grid container spacing={3}>
              <Grid item xs={12} md={6}>
                <EntityJetstream2KubernetesCard />
              </Grid>
              <Grid item xs={12}>
                <EntityJetstream2KubernetesContent />
              </Grid>
            </Grid>
          </EntityProvider>
        </Content>
      </Page>
    ),
  })
  .addPage({
    title: 'Topology tab',
    path: '/entity-topology',
    element: (
      <Page themeId="service">
        <Header title="science-api" subtitle="Topology" />
        <Content>
          <EntityProvider entity={annotatedEntity}>
            <EntityJetstream2KubernetesTopologyContent />
          </EntityProvider>
        </Content>
      </Page>
    ),
  })
  .addPage({
    title: 'No annotation',
    path: '/entity-plain',
    element: (
      <Page themeId="service">
        <Header title="project-website" />
        <Content>
          <EntityProvider entity={plainEntity}>
            <EntityJetstream2KubernetesContent />
          </EntityProvider>
        </Content>
      </Page>
    ),
  })
  .render();
