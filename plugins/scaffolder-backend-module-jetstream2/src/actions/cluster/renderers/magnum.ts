import {
  jetstream2DocLinks,
  jetstream2Networks,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterPlan } from '../planCluster';
import { GENERATED, MethodRenderer } from './types';

function magnumLabels(plan: ClusterPlan): Record<string, string> {
  return {
    auto_scaling_enabled: String(plan.autoscaling),
    min_node_count: String(plan.minNodes),
    max_node_count: String(plan.maxNodes),
  };
}

export function renderMagnumScript(plan: ClusterPlan): string {
  const labels = Object.entries(magnumLabels(plan))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const flags = [
    `--cluster-template ${plan.clusterTemplate}`,
    `--master-count ${plan.masterCount}`,
    `--master-flavor ${plan.masterFlavor}`,
    `--flavor ${plan.workerFlavor}`,
    `--node-count ${plan.nodeCount}`,
    `--docker-volume-size ${plan.dockerVolumeSize}`,
    `--fixed-network ${jetstream2Networks.fixedNetwork}`,
    `--labels ${labels}`,
    '--merge-labels',
    ...(plan.keypair ? [`--keypair ${plan.keypair}`] : []),
  ];
  return `#!/usr/bin/env bash
# Creates the Jetstream2 Kubernetes cluster "${
    plan.clusterName
  }" with OpenStack Magnum. ${GENERATED}
# Guide: ${jetstream2DocLinks.magnum}
#
# Before running, load the application credential "${
    plan.applicationCredential
  }" of allocation ${plan.allocation}
# (unrestricted, with the load-balancer role): either \`source app-cred-<name>-openrc.sh\` or
# \`export OS_CLOUD=<entry>\` for a clouds.yaml entry. This script never holds the credential secret.
# Needs: python-openstackclient, python-magnumclient, python-octaviaclient, kubectl.
set -euo pipefail

CLUSTER_NAME="${plan.clusterName}"

if [ -z "\${OS_CLOUD:-}" ] && [ -z "\${OS_APPLICATION_CREDENTIAL_ID:-}\${OS_APPLICATION_CREDENTIAL_NAME:-}" ]; then
  echo "No OpenStack credentials loaded: source the openrc of application credential ${
    plan.applicationCredential
  } or set OS_CLOUD." >&2
  exit 1
fi

if openstack coe cluster show "$CLUSTER_NAME" -f value -c status >/dev/null 2>&1; then
  echo "A cluster named $CLUSTER_NAME already exists in this allocation; not creating it again."
else
  # Labels are fixed at creation: max_node_count=${
    plan.maxNodes
  } cannot be raised later.
  openstack coe cluster create \\
${flags.map(f => `    ${f} \\`).join('\n')}
    "$CLUSTER_NAME"
fi

echo "Waiting for $CLUSTER_NAME (about 10 minutes; the first cluster of an allocation can take 2 hours or more)..."
while true; do
  STATUS=$(openstack coe cluster show "$CLUSTER_NAME" -f value -c status)
  case "$STATUS" in
    CREATE_COMPLETE) break ;;
    CREATE_FAILED)
      openstack coe cluster show "$CLUSTER_NAME" -f value -c status_reason >&2
      exit 1 ;;
    *) echo "  $STATUS"; sleep 30 ;;
  esac
done

# Writes ./config (the kubeconfig, with client certificates) and overwrites an older one.
openstack coe cluster config "$CLUSTER_NAME" --force
export KUBECONFIG="$PWD/config"
kubectl get nodes -o wide
echo "API server: $(kubectl config view --minify -o jsonpath='{.clusters[0].cluster.server}')"
`;
}

export function renderMainTf(plan: ClusterPlan): string {
  const labels = Object.entries(magnumLabels(plan))
    .map(([k, v]) => `    ${k} = "${v}"`)
    .join('\n');
  return `# OpenTofu / Terraform definition of the Jetstream2 Kubernetes cluster "${
    plan.clusterName
  }". ${GENERATED}
# Credentials are never written here: the provider reads the OS_* environment variables of a sourced
# application credential openrc (credential "${
    plan.applicationCredential
  }"), or the clouds.yaml entry named by
# var.cloud / OS_CLOUD. Run: tofu init && tofu apply   (or terraform init && terraform apply)

terraform {
  required_providers {
    openstack = {
      source  = "terraform-provider-openstack/openstack"
      version = ">= 2.0.0"
    }
  }
}

variable "cloud" {
  description = "Name of a clouds.yaml entry; leave null to use the OS_* environment variables"
  type        = string
  default     = null
}

provider "openstack" {
  cloud = var.cloud
}

data "openstack_containerinfra_clustertemplate_v1" "template" {
  name = "${plan.clusterTemplate}"
}

resource "openstack_containerinfra_cluster_v1" "cluster" {
  name                = "${plan.clusterName}"
  cluster_template_id = data.openstack_containerinfra_clustertemplate_v1.template.id
  master_count        = ${plan.masterCount}
  master_flavor       = "${plan.masterFlavor}"
  flavor              = "${plan.workerFlavor}"
  node_count          = ${plan.nodeCount}
  docker_volume_size  = ${plan.dockerVolumeSize}
  fixed_network       = "${jetstream2Networks.fixedNetwork}"
${
  plan.keypair ? `  keypair             = "${plan.keypair}"\n` : ''
}  merge_labels        = true

  # Labels cannot change after creation (Magnum answers HTTP 400): max_node_count is final.
  labels = {
${labels}
  }
${
  plan.autoscaling
    ? `
  lifecycle {
    # The cluster autoscaler changes the worker count; do not fight it.
    ignore_changes = [node_count]
  }
`
    : ''
}}

output "api_address" {
  description = "Kubernetes API server URL: put it in catalog-info.yaml and app-config"
  value       = openstack_containerinfra_cluster_v1.cluster.api_address
}
`;
}

/** Magnum: a script that calls `openstack coe cluster create`, or the same cluster as OpenTofu. */
export const magnumRenderer: MethodRenderer = {
  method: 'magnum',
  guideTitle: 'Kubernetes with Magnum',
  guideUrl: jetstream2DocLinks.magnum,
  files: plan => [
    {
      path: 'create-cluster.sh',
      content: renderMagnumScript(plan),
      executable: true,
    },
    { path: 'main.tf', content: renderMainTf(plan) },
  ],
  createSteps: plan => [
    `Load the application credential **${plan.applicationCredential}** (openrc or \`OS_CLOUD\`), then either run \`bash create-cluster.sh\`, or \`tofu init && tofu apply\` with \`main.tf\`. Both create the same cluster; use one.`,
    'Keep the `config` file (kubeconfig) that `openstack coe cluster config` writes somewhere safe: it grants admin access.',
  ],
};
