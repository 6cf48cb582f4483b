import {
  Content,
  Header,
  Page,
  TabbedLayout,
} from '@backstage/core-components';
import { Route, Routes } from 'react-router-dom';
import { ClustersOverview } from '../ClustersOverview';
import { ConceptDetail } from '../ConceptDetail';
import { ConceptGlossary } from '../ConceptGlossary';
import { GuideDetail } from '../GuideDetail';
import { GuidesLibrary } from '../GuidesLibrary';

const Tabs = () => (
  <TabbedLayout>
    <TabbedLayout.Route path="/" title="Guides">
      <GuidesLibrary />
    </TabbedLayout.Route>
    <TabbedLayout.Route path="/concepts" title="Concepts">
      <ConceptGlossary />
    </TabbedLayout.Route>
    <TabbedLayout.Route path="/clusters" title="Clusters">
      <ClustersOverview />
    </TabbedLayout.Route>
  </TabbedLayout>
);

/** The plugin page: guides library, concept glossary, clusters; deep links to one guide or concept. */
export const Jetstream2KubernetesPage = () => (
  <Page themeId="tool">
    <Header
      title="Jetstream2 Kubernetes"
      subtitle="Guides, concepts and the clusters behind your services"
    />
    <Routes>
      <Route
        path="guides/:guideId"
        element={
          <Content>
            <GuideDetail />
          </Content>
        }
      />
      <Route
        path="concepts/:conceptId"
        element={
          <Content>
            <ConceptDetail />
          </Content>
        }
      />
      <Route path="/*" element={<Tabs />} />
    </Routes>
  </Page>
);
