import type { Guide } from '../types';
import type { GuideEntry } from './tableEntry';
import { troubleshootingGuideTable } from './troubleshootingGuides';

const DOCS = 'https://docs.jetstream-cloud.org';
const ZONCA = 'https://www.zonca.dev/posts';

/**
 * The Jetstream2 Kubernetes guides, summarised in our own words. Each links to the original page, which
 * stays the authority on commands and versions.
 *
 * The `concepts` lists are the one record of which guide teaches which concept: each concept's
 * `guides` are derived from them.
 * The table is `as const`, so its ids form {@link GuideId} and a wrong concept id fails to compile.
 */
const docsGuideTable = [
  {
    id: 'k8s-overview',
    title: 'Kubernetes on Jetstream2: overview and basics',
    url: `${DOCS}/general/kubernetes/`,
    source: 'jetstream2-docs',
    summary:
      'The entry page of the Jetstream2 Kubernetes documentation: it links the topic pages and defines the basic building blocks of a cluster.',
    purpose:
      'Start here when Kubernetes is new to you, or when a word on a workload page (pod, kubelet, scheduler) needs a short definition.',
    prerequisites: [],
    steps: [
      'Pods and the nodes they run on',
      'Node components: kubelet, kube-proxy, container runtime',
      'Services, ReplicaSets and Deployments',
      'The control plane: API server, etcd cluster store, controller manager, scheduler',
    ],
    tools: [],
    concepts: [
      'pod',
      'node',
      'kubelet',
      'kube-proxy',
      'container-runtime',
      'service',
      'replicaset',
      'deployment',
      'control-plane',
      'api-server',
      'etcd',
      'controller-manager',
      'scheduler',
    ],
  },
  {
    id: 'k8s-cluster-kubeadm',
    title: 'Build a small cluster by hand with kubeadm',
    url: `${DOCS}/general/k8scluster/`,
    source: 'jetstream2-docs',
    summary:
      'Turns three Jetstream2 VMs into a cluster of one control plane and two workers with containerd, kubeadm and the Calico network plugin.',
    purpose:
      'Reach for it to learn what a cluster is made of, one component at a time; for a cluster you will keep, prefer Magnum.',
    prerequisites: [
      'A Jetstream2 allocation with room for three VMs',
      'SSH access and sudo on each VM',
    ],
    steps: [
      'Prepare the hosts: kernel modules, sysctl settings, swap off',
      'Install and configure containerd',
      'Install kubelet, kubeadm and kubectl (1.22) and hold their versions',
      'Run kubeadm init on the control plane (API server, etcd, scheduler, controller manager)',
      'Install the Calico CNI',
      'Join the workers with kubeadm join',
      'Verify that every node is Ready',
    ],
    tools: ['kubeadm', 'kubelet', 'kubectl', 'containerd', 'Calico'],
    concepts: [
      'node',
      'control-plane',
      'api-server',
      'etcd',
      'kubelet',
      'container-runtime',
      'cni',
      'namespace',
    ],
  },
  {
    id: 'k8s-kubespray',
    title: 'Deploy Kubernetes with Terraform and Kubespray',
    url: `${DOCS}/general/k8skubespray/`,
    source: 'jetstream2-docs',
    summary:
      'Creates the VMs with Terraform and installs Kubernetes on them with the Kubespray Ansible playbooks; Magnum has since replaced this route.',
    purpose:
      'Use it to understand or maintain an existing Kubespray-built cluster; new clusters should come from Magnum.',
    prerequisites: [
      'A Jetstream2 allocation and an OpenStack application credential',
      'Terraform and Ansible on your workstation',
    ],
    steps: [
      'Create an application credential',
      'Clone the zonca/jetstream_kubespray repository',
      'Describe the cluster in cluster.tfvars',
      'Create the VMs and networks with terraform apply',
      'Install Kubernetes with k8s_install.sh (Ansible)',
      'Configure kubectl on your own machine',
    ],
    tools: ['Terraform', 'Ansible', 'Kubespray', 'kubectl'],
    concepts: [
      'node',
      'control-plane',
      'ingress',
      'storage-class',
      'cloud-controller-manager',
    ],
    superseded: true,
    templateRef: 'template:default/jetstream2-kubespray-cluster',
  },
  {
    id: 'k8s-magnum',
    title: 'Create a managed cluster with OpenStack Magnum',
    url: `${DOCS}/general/k8smagnum/`,
    source: 'jetstream2-docs',
    summary:
      'The recommended way to get Kubernetes on Jetstream2: one openstack CLI call asks Magnum (Cluster API driver) for a cluster, with optional node autoscaling.',
    purpose:
      'Reach for it when you need a new cluster or more worker nodes; its clusters come with Octavia load balancers and an ingress controller.',
    prerequisites: [
      'An unrestricted application credential that includes the load-balancer role',
      'The openstack CLI with the Magnum, Octavia and Designate clients',
      'Enough CPU quota for the control plane and worker flavors',
    ],
    steps: [
      'Create an unrestricted application credential',
      'Pick a cluster template, flavors, node count and autoscaling limits',
      'Create the cluster with openstack coe cluster create',
      'Wait about ten minutes for it to finish',
      'Fetch the kubeconfig with openstack coe cluster config --force',
      'Check the nodes with kubectl',
    ],
    tools: [
      'openstack CLI',
      'python-magnumclient',
      'python-octaviaclient',
      'python-designateclient',
      'kubectl',
    ],
    concepts: [
      'node',
      'control-plane',
      'cluster-autoscaler',
      'ingress',
      'load-balancer',
      'persistent-volume',
    ],
    templateRef: 'template:default/jetstream2-magnum-cluster',
  },
  {
    id: 'k8s-manage-apps',
    title:
      'Run and expose applications: Pods, ReplicaSets, Deployments, Services',
    url: `${DOCS}/general/k8smanage/`,
    source: 'jetstream2-docs',
    summary:
      'Walks through the core workload objects, created both from YAML manifests and with imperative kubectl commands, ending with autoscaling.',
    purpose:
      'Use it when you deploy your first service, or when you need to tell a Pod from a ReplicaSet from a Deployment.',
    prerequisites: ['A running cluster and a working kubectl'],
    steps: [
      'Run a Pod',
      'Keep several copies with a ReplicaSet',
      'Roll out updates with a Deployment',
      'Expose it with a Service (NodePort)',
      'Scale it with a HorizontalPodAutoscaler',
    ],
    tools: ['kubectl'],
    concepts: [
      'pod',
      'replicaset',
      'deployment',
      'service',
      'horizontal-pod-autoscaler',
      'labels-selectors',
    ],
    templateRef: 'template:default/jetstream2-deploy-service',
  },
  {
    id: 'k8s-volumes',
    title: 'Keep data beyond a pod with persistent volumes',
    url: `${DOCS}/general/k8svolumes/`,
    source: 'jetstream2-docs',
    summary:
      'Shows the chain StorageClass, PersistentVolume, PersistentVolumeClaim and a pod that mounts the claim, so files survive when the pod is replaced.',
    purpose:
      'Reach for it when a PersistentVolumeClaim stays Pending, when the cluster has no default StorageClass, or when data vanishes after a restart.',
    prerequisites: ['A running cluster and a working kubectl'],
    steps: [
      'Define a StorageClass',
      'Create a PersistentVolume (hostPath)',
      'Claim it with a PersistentVolumeClaim',
      'Mount the claim in a pod',
      'Verify the data survives a recreated pod',
    ],
    tools: ['kubectl'],
    concepts: [
      'storage-class',
      'persistent-volume',
      'persistent-volume-claim',
      'pod',
    ],
  },
  {
    id: 'k8s-manila',
    title: 'Share data between JupyterHub users with Manila',
    url: `${DOCS}/general/k8smanila/`,
    source: 'jetstream2-docs',
    summary:
      'Mounts a Manila (CephFS) share in pods and in every JupyterHub session, with one read-only and one writable folder.',
    purpose:
      'Use it when several users or pods must read the same data set, instead of running your own NFS server.',
    prerequisites: [
      'A JupyterHub deployed with the Zero to JupyterHub chart',
      'A Manila share created in Horizon, with its path and access key',
    ],
    steps: [
      'Create the Manila share and note its path and access key',
      'Store the access key in a ceph Secret',
      'Mount the share in a test pod and prepare the folders',
      'Add the volume to the JupyterHub Helm values and upgrade',
    ],
    tools: ['Manila', 'CephFS', 'Helm', 'kubectl'],
    concepts: ['secret', 'persistent-volume', 'helm-release', 'pod'],
  },
  {
    id: 'k8s-minikube',
    title: 'A single-node cluster on one VM with minikube',
    url: `${DOCS}/general/minikube/`,
    source: 'jetstream2-docs',
    summary:
      'Installs minikube on one Jetstream2 VM, deploys and exposes a sample app, opens the dashboard through kubectl proxy, and tears it down.',
    purpose:
      'Reach for it to experiment or teach on a throwaway cluster without planning several VMs.',
    prerequisites: ['One Jetstream2 VM with SSH access'],
    steps: [
      'Install minikube and kubectl',
      'Start the cluster',
      'Deploy an app and expose it with a Service',
      'Open the dashboard through kubectl proxy',
      'Delete the cluster',
    ],
    tools: ['minikube', 'kubectl', 'kubectl proxy'],
    concepts: ['deployment', 'service', 'node'],
  },
  {
    id: 'k8s-binderhub',
    title: 'Run BinderHub on Jetstream2',
    url: `${DOCS}/general/k8sbinderhub/`,
    source: 'jetstream2-docs',
    summary:
      'Deploys BinderHub with Helm, using an external container registry, cert-manager for HTTPS and two DNS names in the allocation zone.',
    purpose:
      'Use it when you want to turn Git repositories into live notebook sessions for others.',
    prerequisites: [
      'A running cluster with an ingress controller',
      'A container registry account (the guide uses Google Container Registry)',
      'Access to DNS records of your allocation in Horizon',
    ],
    steps: [
      'Enable and authorise the container registry',
      'Install cert-manager and a Let’s Encrypt cluster issuer',
      'Create DNS records for the binder and hub hosts',
      'Write the secret and config values',
      'Install BinderHub with Helm and test a build',
    ],
    tools: ['Helm', 'cert-manager', 'kubectl', 'Horizon DNS'],
    concepts: ['ingress', 'secret', 'helm-release'],
  },
  {
    id: 'k8s-gpu',
    title: 'GPU pods and GPU JupyterHub on A100 slices',
    url: `${DOCS}/general/k8sgpu/`,
    source: 'jetstream2-docs',
    summary:
      'Makes the A100 GPUs of g3 nodes schedulable with the NVIDIA device plugin, tests a CUDA pod and adds a GPU profile to JupyterHub.',
    purpose:
      'Reach for it when pods stay Pending with "Insufficient nvidia.com/gpu" or when notebooks need a GPU.',
    prerequisites: [
      'A cluster with GPU (g3) worker nodes and a GPU-enabled containerd',
      'A GPU allocation on Jetstream2',
    ],
    steps: [
      'Create the cluster with GPU nodes',
      'Install the NVIDIA k8s-device-plugin',
      'Run a test pod that requests nvidia.com/gpu and tolerates the GPU taint',
      'Add the GPU image and values to the JupyterHub Helm install',
    ],
    tools: ['k8s-device-plugin', 'kubectl', 'Helm'],
    concepts: [
      'gpu-device-plugin',
      'daemonset',
      'taints-tolerations',
      'pod',
      'helm-release',
    ],
    templateRef: 'template:default/jetstream2-jupyterhub-gpu',
  },
  {
    id: 'k8s-cacao',
    title: 'Launch a k3s cluster from the CACAO web interface',
    url: `${DOCS}/ui/cacao/intro/`,
    source: 'jetstream2-docs',
    summary:
      'CACAO deploys a multi-VM k3s cluster from a template in the browser: pick region, image, node count and size, and whether to enable Traefik.',
    purpose:
      'Use it when you prefer a web form to the command line, or want a light cluster quickly.',
    prerequisites: [
      'A Jetstream2 allocation',
      'An ACCESS account to sign in to CACAO',
    ],
    steps: [
      'Choose the region and image',
      'Choose the number and size of VMs',
      'Turn the Traefik ingress on or off',
      'Launch the deployment and wait for it to become active',
    ],
    tools: ['CACAO', 'k3s', 'Terraform', 'Traefik'],
    concepts: ['node', 'ingress'],
  },
  {
    id: 'zonca-jupyterhub',
    title: 'JupyterHub on Jetstream2 with Zero to JupyterHub',
    url: `${ZONCA}/2022-03-31-jetstream2_jupyterhub`,
    source: 'zonca.dev',
    summary:
      'Installs JupyterHub on a Jetstream2 cluster with the Zero to JupyterHub Helm chart, with per-user storage and HTTPS through an Ingress.',
    purpose:
      'Reach for it to give a class or a group notebooks in the browser, or to understand an existing jhub namespace.',
    prerequisites: [
      'A running cluster with a default StorageClass and an ingress controller',
      'Helm',
    ],
    steps: [
      'Generate the secrets (proxy token)',
      'Write the Helm values',
      'Create the namespace',
      'Install the chart with helm upgrade --install',
      'Reach the hub through the Ingress',
    ],
    tools: ['Helm', 'kubectl', 'openssl'],
    concepts: [
      'namespace',
      'persistent-volume-claim',
      'ingress',
      'secret',
      'helm-release',
    ],
  },
  {
    id: 'zonca-credentials',
    title: 'Replace an expired OpenStack credential inside a cluster',
    url: `${ZONCA}/2023-03-23-update-openstack-credentials-kubernetes`,
    source: 'zonca.dev',
    summary:
      'Swaps the application credential stored in the cluster’s cloud-config Secrets so the cloud controller and Cinder CSI can talk to OpenStack again.',
    purpose:
      'Use it when volumes stop attaching or load balancers stop appearing because the application credential expired.',
    prerequisites: [
      'kubectl access to the cluster',
      'A new application credential',
    ],
    steps: [
      'Find the cloud-config Secrets',
      'Decode them with base64',
      'Put the new credential id and secret in',
      'Encode and apply them again',
      'Restart the pods that read them',
    ],
    tools: ['kubectl', 'base64', 'openstack CLI'],
    concepts: ['secret', 'cloud-controller-manager', 'storage-class'],
  },
  {
    id: 'zonca-softscale',
    title: 'Scale a cluster down and up quickly by shelving nodes',
    url: `${ZONCA}/2024-02-02-soft-scaling-kubernetes-jetstream`,
    source: 'zonca.dev',
    summary:
      'Empties worker nodes and shelves their VMs to stop spending SUs, then unshelves them and lets pods return, without rebuilding the cluster.',
    purpose:
      'Reach for it when a cluster sits idle between uses, or when a node shows as cordoned, unschedulable or NotReady.',
    prerequisites: [
      'kubectl access to the cluster',
      'The openstack CLI with your application credential',
    ],
    steps: [
      'Cordon the nodes to shrink',
      'Drain them (DaemonSet pods stay)',
      'Shelve their VMs',
      'Unshelve the VMs when needed again',
      'Uncordon the nodes',
    ],
    tools: ['kubectl', 'openstack CLI'],
    concepts: ['node', 'cordon-drain', 'daemonset', 'taints-tolerations'],
  },
] as const satisfies readonly GuideEntry[];

/** The guides of the Jetstream2 pages first, then our troubleshooting guides. */
const guideTable = [...docsGuideTable, ...troubleshootingGuideTable] as const;

/** The id of a guide of the catalogue. */
export type GuideId = (typeof guideTable)[number]['id'];

/** The guides, in catalogue order. */
export const guides: Guide[] = guideTable.map(
  ({ links, ...guide }: GuideEntry): Guide => ({
    ...guide,
    prerequisites: [...guide.prerequisites],
    steps: [...guide.steps],
    tools: [...guide.tools],
    concepts: [...guide.concepts],
    ...(links ? { links: links.map(l => ({ ...l })) } : {}),
  }),
);
