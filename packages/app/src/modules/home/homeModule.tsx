import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

const content = `
## Kubernetes on Jetstream2, in one place

- **Find a service** in the [catalog](/) and open its **Kubernetes** tab to see its live workloads.
- **Learn the concepts and guides** on the [Jetstream2 Kubernetes](/jetstream2-kubernetes) page: what a
  Pod, a Node or etcd is, and which Jetstream2 guide helps with what.
- **Plan a new cluster** with a [template](/create): Magnum, Kubespray, or a service on an existing cluster.

The Jetstream2 documentation lives at [docs.jetstream-cloud.org](https://docs.jetstream-cloud.org/general/kubernetes/).
`;

const gettingStartedWidget = HomePageWidgetBlueprint.make({
  name: 'getting-started',
  params: {
    name: 'GettingStarted',
    title: 'Getting started',
    description: 'Where to begin in the Jetstream2 Kubernetes portal',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [gettingStartedWidget],
});
