import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

const content = `
## Kubernetes on Jetstream2, in one place

- **Find a service** in the [catalog](/catalog) and open its **Kubernetes** tab to see its live workloads.
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

/** The signed-in user's groups' services with their health, most useful guide and SU burn. */
const servicesWidget = HomePageWidgetBlueprint.make({
  name: 'jetstream2-kubernetes-services',
  params: {
    name: 'Jetstream2KubernetesServices',
    title: 'Your services on Kubernetes',
    description:
      "Your groups' services with their health, the guide that helps and their Jetstream2 SU burn",
    components: () =>
      import('@internal/plugin-jetstream2-kubernetes').then(m => ({
        Content: m.Jetstream2KubernetesHomePageCard,
      })),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [servicesWidget, gettingStartedWidget],
});
