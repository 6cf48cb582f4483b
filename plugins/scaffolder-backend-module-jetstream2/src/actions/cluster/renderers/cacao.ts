import {
  describeFlavor,
  getFlavor,
  jetstream2DocLinks,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterPlan } from '../planCluster';
import { GENERATED, MethodRenderer } from './types';

export function renderCacaoSteps(plan: ClusterPlan): string {
  const nodes = plan.masterCount + plan.nodeCount;
  const flavor = getFlavor(plan.workerFlavor);
  const size = flavor ? ` (${describeFlavor(flavor)})` : '';
  return `# Create ${plan.clusterName} with CACAO

${GENERATED} CACAO launches a k3s cluster on Jetstream2 VMs from its web UI. See the
[CACAO Kubernetes deployment guide](${jetstream2DocLinks.cacao}).

1. Sign in at https://cacao.jetstream-cloud.org with your ACCESS account and pick allocation **${
    plan.allocation
  }**
   (CACAO creates its own application credential for it; you do not paste any secret).
2. Open **Deployments → Add deployment** and choose the Kubernetes (k3s) template.
3. Region: **${plan.region}**. Image: the featured Ubuntu 22.04 image.
4. Name the deployment **${
    plan.clusterName
  }**. Number of instances: **${nodes}** (${plan.masterCount} control plane + ${
    plan.nodeCount
  } workers).
5. Size: **${plan.workerFlavor}**${size}.${
    plan.masterFlavor !== plan.workerFlavor
      ? ` CACAO uses one size for all instances; the planned control plane flavor ${plan.masterFlavor} is not used.`
      : ''
  }
6. Decide whether to enable Traefik (the ingress controller), then **Launch** and wait until the deployment is active.
7. SSH to the first instance and copy \`/etc/rancher/k3s/k3s.yaml\` to your machine; replace \`127.0.0.1\` with the instance's public IP.
   \`kubectl --kubeconfig k3s.yaml get nodes\` should list ${nodes} nodes.
`;
}

/** CACAO: instructions for its web UI, which creates its own credential. */
export const cacaoRenderer: MethodRenderer = {
  method: 'cacao',
  guideTitle: 'Kubernetes with CACAO',
  guideUrl: jetstream2DocLinks.cacao,
  files: plan => [{ path: 'CACAO.md', content: renderCacaoSteps(plan) }],
  createSteps: () => ['Follow `CACAO.md`.'],
};
