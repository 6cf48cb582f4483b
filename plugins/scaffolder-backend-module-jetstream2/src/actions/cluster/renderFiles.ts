import YAML, { Document, isScalar } from 'yaml';
import {
  JETSTREAM2_AUTH_URL,
  JETSTREAM2_HORIZON_URL,
  jetstream2DocLinks,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterPlan } from './planCluster';
import type { ClusterAddon } from './request';
import { GENERATED, methodRenderers, RenderedFile } from './renderers';

export type { RenderedFile } from './renderers';
export {
  renderCacaoSteps,
  renderKubesprayTfvars,
  renderKubespraySteps,
  renderMagnumScript,
  renderMainTf,
} from './renderers';

/** Catalog details of the new cluster's Resource entity. */
export interface ClusterEntityDetails {
  owner: string;
  description?: string;
  system?: string;
  tags: string[];
}

/** Placeholder for the API server URL; `.invalid` is a reserved top-level domain, so it can never resolve. */
export const API_SERVER_PLACEHOLDER =
  'https://REPLACE-WITH-API-SERVER-AFTER-CREATION.invalid:6443';
export const CA_PLACEHOLDER = 'REPLACE-WITH-BASE64-CA-AFTER-CREATION';

/** How the README tells to install each add-on. */
const addonStepText: Record<ClusterAddon, string> = {
  'ingress-nginx':
    '**ingress-nginx**: `helm upgrade --install ingress-nginx ingress-nginx --repo https://kubernetes.github.io/ingress-nginx -n ingress-nginx --create-namespace` (its Service gets an Octavia load balancer and a public IP).',
  'cert-manager':
    "**cert-manager**: `helm upgrade --install cert-manager cert-manager --repo https://charts.jetstack.io -n cert-manager --create-namespace --set crds.enabled=true`, then a Let's Encrypt ClusterIssuer.",
  'nvidia-device-plugin': `**NVIDIA device plugin** (GPU workers): follow the [GPU guide](${jetstream2DocLinks.gpu}); check with \`kubectl describe nodes | grep nvidia.com/gpu\`.`,
  jupyterhub: `**JupyterHub**: use the portal template "JupyterHub with GPU profiles on an existing cluster", or [Zero to JupyterHub on Jetstream2](${jetstream2DocLinks.jupyterhub}).`,
};

function addonSteps(plan: ClusterPlan): string[] {
  return plan.addons.map(a => addonStepText[a]);
}

export function renderReadme(
  plan: ClusterPlan,
  entity: ClusterEntityDetails,
  files: string[],
): string {
  const renderer = methodRenderers[plan.method];
  const steps = [
    ...renderer.createSteps(plan),
    `Create a read-only service account for the portal: \`kubectl create serviceaccount backstage -n kube-system\`, \`kubectl create clusterrolebinding backstage-view --clusterrole=view --serviceaccount=kube-system:backstage\`, and a token with \`kubectl create token backstage -n kube-system --duration=8760h\`.`,
    `Put the API server URL (\`kubectl config view --minify -o jsonpath='{.clusters[0].cluster.server}'\`) and the CA (\`kubectl config view --raw --minify -o jsonpath='{.clusters[0].cluster.certificate-authority-data}'\`) in place of the REPLACE-… values in \`catalog-info.yaml\` and \`app-config.snippet.yaml\`.`,
    `Give the portal the token through the environment variable \`${
      plan.tokenEnvVar
    }\` (and the CA through \`${plan.tokenEnvVar.replace(
      /_TOKEN$/,
      '_CA_DATA',
    )}\`), merge \`app-config.snippet.yaml\` into the portal's app-config, and register \`catalog-info.yaml\` in the catalog.`,
    ...addonSteps(plan),
    `Before the application credential expires, replace it inside the cluster ([how](${jetstream2DocLinks.credentialsRotation})).`,
  ];
  return `# ${plan.clusterName}

${
  entity.description ??
  `Jetstream2 Kubernetes cluster of allocation ${plan.allocation}.`
}

Owner: \`${entity.owner}\`. ${GENERATED}

${plan.summary}

## Warnings

${plan.warnings.length ? plan.warnings.map(w => `- ${w}`).join('\n') : 'None.'}

## Files

${files.map(f => `- \`${f}\``).join('\n')}

## Next steps

${steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}

## Links

- [${renderer.guideTitle} (Jetstream2 docs)](${renderer.guideUrl})
- [Kubernetes on Jetstream2](${jetstream2DocLinks.kubernetes})
- [Instance flavors](${jetstream2DocLinks.flavors})
- [Application credentials](${jetstream2DocLinks.appCredentials})
- [Horizon](${JETSTREAM2_HORIZON_URL}) · Keystone: ${JETSTREAM2_AUTH_URL}
${plan.gpu ? `- [GPUs in Kubernetes](${jetstream2DocLinks.gpu})\n` : ''}`;
}

export function renderCatalogInfo(
  plan: ClusterPlan,
  entity: ClusterEntityDetails,
): string {
  const tags = [
    ...new Set([
      'kubernetes',
      'jetstream2',
      plan.method,
      ...(plan.gpu ? ['gpu'] : []),
      ...entity.tags,
    ]),
  ];
  const doc = new Document({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: plan.clusterName,
      title: `${plan.clusterName} (Jetstream2 ${plan.region})`,
      description:
        entity.description ??
        `Kubernetes ${plan.kubernetesVersion} cluster on Jetstream2, allocation ${plan.allocation}, created with ${plan.method}.`,
      annotations: {
        'kubernetes.io/api-server': API_SERVER_PLACEHOLDER,
        'kubernetes.io/api-server-certificate-authority': CA_PLACEHOLDER,
        'kubernetes.io/auth-provider': 'serviceAccount',
        'jetstream2.org/region': plan.region,
        'jetstream2.org/allocation': plan.allocation,
        'jetstream2.org/provisioner': plan.method,
        'jetstream2.org/cluster-template': plan.clusterTemplate,
        'jetstream2.org/worker-flavor': plan.workerFlavor,
        'jetstream2.org/max-nodes': String(plan.maxNodes),
      },
      tags,
      links: [
        {
          url: methodRenderers[plan.method].guideUrl,
          title: 'How this cluster was created',
        },
      ],
    },
    spec: {
      type: 'kubernetes-cluster',
      owner: entity.owner,
      ...(entity.system ? { system: entity.system } : {}),
    },
  });
  doc.commentBefore = ` The Jetstream2 Kubernetes cluster ${plan.clusterName}. ${GENERATED}\n Replace the two REPLACE-… annotations once the cluster exists (see README.md).`;
  const annotate = (key: string, comment: string) => {
    const node = doc.getIn(['metadata', 'annotations', key], true);
    if (isScalar(node)) node.comment = comment;
  };
  annotate(
    'kubernetes.io/api-server',
    ' REPLACE after creation: kubectl config view --minify -o jsonpath={.clusters[0].cluster.server}',
  );
  annotate(
    'kubernetes.io/api-server-certificate-authority',
    ' REPLACE after creation: certificate-authority-data of the kubeconfig',
  );
  return doc.toString({ lineWidth: 0 });
}

export function renderAppConfigSnippet(plan: ClusterPlan): string {
  const caVar = plan.tokenEnvVar.replace(/_TOKEN$/, '_CA_DATA');
  const doc = new Document({
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [
            {
              name: plan.clusterName,
              url: API_SERVER_PLACEHOLDER,
              authProvider: 'serviceAccount',
              serviceAccountToken: `\${${plan.tokenEnvVar}}`,
              caData: `\${${caVar}}`,
              skipTLSVerify: false,
              skipMetricsLookup: true,
            },
          ],
        },
      ],
    },
  });
  doc.commentBefore = ` Merge into the portal's app-config to connect it to ${plan.clusterName}. ${GENERATED}\n The token and CA come from the environment variables ${plan.tokenEnvVar} and ${caVar}; never write them here.\n Replace the url once the cluster exists (see README.md).`;
  return doc.toString({ lineWidth: 0 });
}

/** Every file for the plan's method, in the order the README lists them. */
export function renderClusterFiles(
  plan: ClusterPlan,
  entity: ClusterEntityDetails,
): RenderedFile[] {
  const files: RenderedFile[] = methodRenderers[plan.method].files(plan);
  files.push({
    path: 'catalog-info.yaml',
    content: renderCatalogInfo(plan, entity),
  });
  files.push({
    path: 'app-config.snippet.yaml',
    content: renderAppConfigSnippet(plan),
  });
  const paths = ['README.md', ...files.map(f => f.path)];
  files.unshift({
    path: 'README.md',
    content: renderReadme(plan, entity, paths),
  });
  return files;
}

/** Parses YAML we produced; used by tests and as a self-check before writing. */
export function parseYaml(text: string): unknown {
  return YAML.parse(text);
}
