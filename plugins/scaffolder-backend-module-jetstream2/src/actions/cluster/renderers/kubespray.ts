import {
  jetstream2DnsZone,
  jetstream2DocLinks,
  jetstream2Networks,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ClusterPlan } from '../planCluster';
import { GENERATED, MethodRenderer } from './types';

export function renderKubesprayTfvars(plan: ClusterPlan): string {
  const id = (flavor: string) => `"REPLACE_WITH_ID_OF:${flavor}"`;
  return `# Kubespray (zonca/jetstream_kubespray) Terraform variables for "${
    plan.clusterName
  }". ${GENERATED}
# Guide: ${jetstream2DocLinks.kubespray}
# Flavor values must be OpenStack flavor ids: STEPS.md shows the one-liner that fills them in.

cluster_name = "${plan.clusterName}"
image        = "Featured-Ubuntu22"
ssh_user     = "ubuntu"
az_list      = ["nova"]

number_of_bastions = 0

# Control plane: ${plan.masterCount} × ${plan.masterFlavor}
number_of_k8s_masters                  = ${plan.masterCount}
number_of_k8s_masters_no_floating_ip   = 0
number_of_k8s_masters_no_etcd          = 0
number_of_etcd                         = 0
flavor_k8s_master                      = ${id(plan.masterFlavor)}
# Paste the floating IP you reserved with \`openstack floating ip create ${
    jetstream2Networks.externalNetwork
  }\`,
# or leave empty to use ${plan.clusterName}-1.${jetstream2DnsZone(
    plan.allocation,
  ).replace(/\.$/, '')}
k8s_master_fips = []

# Workers: ${plan.nodeCount} × ${plan.workerFlavor}
number_of_k8s_nodes                = 0
number_of_k8s_nodes_no_floating_ip = ${plan.nodeCount}
flavor_k8s_node                    = ${id(plan.workerFlavor)}

network_name           = "${plan.clusterName}-network"
external_net           = "REPLACE_WITH_ID_OF_NETWORK:${
    jetstream2Networks.externalNetwork
  }"
floatingip_pool        = "${jetstream2Networks.externalNetwork}"
use_neutron            = 1
k8s_allowed_remote_ips = ["0.0.0.0/0"]
`;
}

export function renderKubespraySteps(plan: ClusterPlan): string {
  const dir = `inventory/${plan.clusterName}`;
  return `# Kubespray steps for ${plan.clusterName}

${GENERATED} Follow with the [Kubespray guide](${
    jetstream2DocLinks.kubespray
  }); Magnum is the recommended way now.

1. Load the application credential **${
    plan.applicationCredential
  }** (\`source app-cred-…-openrc.sh\`) and add
   \`export OS_APPLICATION_CREDENTIAL_NAME=$OS_APPLICATION_CREDENTIAL_ID\` to that file (Ansible needs it).
2. \`git clone https://github.com/zonca/jetstream_kubespray && cd jetstream_kubespray\`, check out the branch the guide names,
   then \`cp -r inventory/kubejetstream ${dir}\` and copy this folder's \`cluster.tfvars\` over \`${dir}/cluster.tfvars\`.
3. Fill in the ids:
   \`\`\`bash
   cd ${dir}
   for f in ${[...new Set([plan.masterFlavor, plan.workerFlavor])].join(
     ' ',
   )}; do
     sed -i "s/REPLACE_WITH_ID_OF:$f\\"/$(openstack flavor show $f -f value -c id)\\"/" cluster.tfvars
   done
   sed -i "s/REPLACE_WITH_ID_OF_NETWORK:${
     jetstream2Networks.externalNetwork
   }/$(openstack network show ${
    jetstream2Networks.externalNetwork
  } -f value -c id)/" cluster.tfvars
   \`\`\`
4. \`bash terraform_init.sh && bash terraform_apply.sh\` (run apply again if it fails on resources not ready yet).
5. \`pip install -r requirements.txt\`, start \`ssh-agent\`, \`ansible -i ${dir}/hosts -m ping all\`.
6. Put the master's public IP in \`supplementary_addresses_in_ssl_keys\` (${dir}/group_vars/k8s_cluster/k8s-cluster.yml), then \`bash k8s_install.sh\` (about 20 minutes).
7. \`bash k8s_configure_kubectl_locally.sh\` and \`export KUBECONFIG=$PWD/${dir}/artifacts/admin.conf\`; \`kubectl get nodes\`.
`;
}

/** Kubespray: Terraform variables and the steps of zonca/jetstream_kubespray, in an inventory folder. */
export const kubesprayRenderer: MethodRenderer = {
  method: 'kubespray',
  guideTitle: 'Kubernetes with Kubespray',
  guideUrl: jetstream2DocLinks.kubespray,
  files: plan => [
    {
      path: `inventory/${plan.clusterName}/cluster.tfvars`,
      content: renderKubesprayTfvars(plan),
    },
    {
      path: `inventory/${plan.clusterName}/STEPS.md`,
      content: renderKubespraySteps(plan),
    },
  ],
  createSteps: plan => [`Follow \`inventory/${plan.clusterName}/STEPS.md\`.`],
};
