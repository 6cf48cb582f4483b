import { Content, Header, Page } from '@backstage/core-components';

export const Jetstream2KubernetesPage = () => (
  <Page themeId="tool">
    <Header title="Jetstream2 Kubernetes" subtitle="Guides, concepts and clusters" />
    <Content>Guides and concepts will be listed here.</Content>
  </Page>
);
