import type { Concept } from '../types';
import type { TableEntry } from './tableEntry';

const K8S = 'https://kubernetes.io/docs';

/** Joins paragraphs with the blank line that Concept.description expects. */
function paragraphs(...texts: string[]): string {
  return texts.join('\n\n');
}

/**
 * The Kubernetes concepts the portal explains: first the glossary of the Jetstream2 overview page, then
 * the ones the guides add. Written for research engineers; each links to the upstream reference.
 *
 * A concept's `guides` are not written here: they are derived from the guides' own `concepts` lists
 * (see `concepts` in ./index.ts). The table is `as const`, so its ids form {@link ConceptId}.
 */
export const conceptTable = [
  // The glossary of the Jetstream2 overview page.
  {
    id: 'pod',
    name: 'Pod',
    category: 'workload',
    summary:
      'The smallest thing Kubernetes runs: one or more containers that share an IP address and volumes and are always placed on the same node.',
    description: paragraphs(
      'A Pod wraps one or more containers that start together, share a network address and can share volumes. You rarely create Pods directly; Deployments, StatefulSets, DaemonSets and Jobs create and replace them for you.',
      'On Jetstream2 each Pod runs on one VM of the cluster (a node). The resources it requests (CPU, memory, nvidia.com/gpu) must fit in what is left on a single node, so the flavor of the workers sets the size of the largest Pod you can run.',
      'When a Pod misbehaves, look at its phase and its container states: Pending means it has not been placed (read the Events for "Insufficient cpu" or an unbound claim), CrashLoopBackOff means the program exits (read the logs), ImagePullBackOff means the image name or registry access is wrong.',
    ),
    kinds: ['Pod'],
    related: ['node', 'deployment', 'replicaset', 'scheduler', 'event'],
    referenceUrl: `${K8S}/concepts/workloads/pods/`,
  },
  {
    id: 'node',
    name: 'Node',
    category: 'node',
    summary:
      'A machine that runs Pods. On Jetstream2 every node is a VM of your allocation, and its flavor (m3, r3, g3) fixes its CPU, memory and GPU.',
    description: paragraphs(
      'A node is a physical or virtual machine that has joined the cluster. It runs the kubelet, kube-proxy and a container runtime, and reports its capacity and health to the API server.',
      'On Jetstream2 nodes are VMs: Magnum, Kubespray, CACAO or kubeadm create them from your allocation, so every node costs SUs while it runs. Magnum labels each node with its flavor (node.kubernetes.io/instance-type), which tells you how much CPU, memory and GPU it offers.',
      'Watch the Ready condition, pressure conditions (memory, disk, PID) and whether the node is cordoned. A NotReady node usually means the VM is stopped, shelved or out of resources, or its kubelet cannot reach the control plane.',
    ),
    kinds: ['Node'],
    related: [
      'kubelet',
      'kube-proxy',
      'container-runtime',
      'cordon-drain',
      'taints-tolerations',
      'lease',
    ],
    referenceUrl: `${K8S}/concepts/architecture/nodes/`,
  },
  {
    id: 'kubelet',
    name: 'kubelet',
    category: 'node',
    summary:
      'The agent on every node: it receives the Pods assigned to its node, starts their containers through the runtime and reports their state back.',
    description: paragraphs(
      'The kubelet is a system service on each node. It watches the API server for Pods bound to its node, asks the container runtime to start them, runs their health probes, mounts their volumes and reports status.',
      'It also keeps the node alive in the eyes of the control plane by renewing a Lease in the kube-node-lease namespace every few seconds. On a kubeadm cluster you install it yourself; Magnum and Kubespray install it for you.',
      'If a node turns NotReady, the kubelet is the first suspect: check its service logs on the VM (journalctl -u kubelet), disk space, and whether it can reach the API server.',
    ),
    kinds: [],
    related: ['node', 'container-runtime', 'lease', 'api-server'],
    referenceUrl: `${K8S}/reference/command-line-tools-reference/kubelet/`,
  },
  {
    id: 'kube-proxy',
    name: 'kube-proxy',
    category: 'node',
    summary:
      'A network component on every node that makes Service addresses work, by programming rules that forward traffic to the Pods behind each Service.',
    description: paragraphs(
      'kube-proxy runs on each node (usually as a DaemonSet) and turns Services into packet-forwarding rules (iptables or IPVS), so traffic sent to a Service IP or NodePort reaches one of its Pods.',
      'It is installed with the cluster on Jetstream2 and you rarely touch it. Some network plugins replace it entirely.',
      'When a Service answers on some nodes and not others, or not at all, check that the kube-proxy Pods in kube-system are running on every node, and that the Service actually selects Ready Pods.',
    ),
    kinds: [],
    related: ['service', 'node', 'cni', 'daemonset'],
    referenceUrl: `${K8S}/reference/command-line-tools-reference/kube-proxy/`,
  },
  {
    id: 'container-runtime',
    name: 'Container runtime',
    category: 'node',
    summary:
      'The software that actually pulls images and runs containers on a node, such as containerd or CRI-O; the kubelet talks to it through the CRI interface.',
    description: paragraphs(
      'Kubernetes does not run containers itself: the kubelet asks a runtime that implements the Container Runtime Interface. containerd and CRI-O are the common ones; Docker Engine is no longer used directly.',
      'Jetstream2 clusters built with kubeadm, Kubespray or Magnum use containerd. GPU nodes need a runtime configured with the NVIDIA container toolkit, otherwise GPU Pods cannot see the device.',
      'Image pull errors, a wrong cgroup driver, or a full disk on the VM show up as runtime problems; the node reports the runtime version, which helps spot nodes that differ from the rest.',
    ),
    kinds: [],
    related: ['kubelet', 'node', 'gpu-device-plugin'],
    referenceUrl: `${K8S}/setup/production-environment/container-runtimes/`,
  },
  {
    id: 'service',
    name: 'Service',
    category: 'networking',
    summary:
      'A stable name and address in front of a changing set of Pods, chosen by labels; it spreads traffic over the Pods that are ready.',
    description: paragraphs(
      'Pods come and go and change IPs. A Service gives them one cluster IP and a DNS name, and forwards connections to the Pods that match its label selector. Types: ClusterIP (inside the cluster), NodePort (a port on every node), LoadBalancer (an external address from the cloud).',
      'On Jetstream2 a LoadBalancer Service gets its address from Octavia on Magnum clusters; on hand-built clusters there is no load balancer, so people use NodePort or an Ingress instead.',
      'If a Service does not answer, compare its selector with the Pods’ labels and check that it has endpoints (Ready Pods). A LoadBalancer stuck without an external IP points at the cloud side.',
    ),
    kinds: ['Service'],
    related: [
      'pod',
      'labels-selectors',
      'load-balancer',
      'ingress',
      'kube-proxy',
    ],
    referenceUrl: `${K8S}/concepts/services-networking/service/`,
  },
  {
    id: 'replicaset',
    name: 'ReplicaSet',
    category: 'workload',
    summary:
      'Keeps a fixed number of identical Pods running, creating new ones when some disappear. Deployments create and manage ReplicaSets for you.',
    description: paragraphs(
      'A ReplicaSet has a Pod template, a label selector and a replica count, and continually makes the number of matching Pods equal the count.',
      'You will mostly meet ReplicaSets as children of Deployments: each rollout creates a new ReplicaSet and scales the old one down, so old, empty ReplicaSets are normal.',
      'If the desired and ready counts differ, the Pods are failing to start or cannot be scheduled: look at the newest Pods and their Events.',
    ),
    kinds: ['ReplicaSet'],
    related: ['deployment', 'pod', 'labels-selectors'],
    referenceUrl: `${K8S}/concepts/workloads/controllers/replicaset/`,
  },
  {
    id: 'deployment',
    name: 'Deployment',
    category: 'workload',
    summary:
      'The usual way to run a stateless service: you declare the image and the number of replicas, and it rolls out changes gradually through ReplicaSets.',
    description: paragraphs(
      'A Deployment manages ReplicaSets to give you declarative updates: change the image or settings and it replaces Pods step by step, and can roll back.',
      'Most web services, APIs and hubs on Jetstream2 clusters (the JupyterHub hub and proxy, for example) are Deployments. Scale them by hand or with a HorizontalPodAutoscaler.',
      'A stuck rollout shows as fewer updated or available replicas than desired; the newest ReplicaSet’s Pods tell you why (image pull, crash, Pending).',
    ),
    kinds: ['Deployment'],
    related: ['replicaset', 'pod', 'horizontal-pod-autoscaler', 'service'],
    referenceUrl: `${K8S}/concepts/workloads/controllers/deployment/`,
  },
  {
    id: 'control-plane',
    name: 'Control plane',
    category: 'control-plane',
    summary:
      'The components that run the cluster rather than your workloads: API server, etcd, controller manager and scheduler, usually on dedicated nodes.',
    description: paragraphs(
      'The control plane decides and records what should run where. It is made of the API server, the etcd store, the controller manager and the scheduler (plus a cloud controller manager on cloud clusters).',
      'On Jetstream2, Magnum creates one or three control plane VMs for you; with kubeadm you build one by hand. Control plane nodes carry a taint so ordinary Pods stay off them.',
      'When the control plane is unhealthy, nothing new gets scheduled and kubectl may fail; the API server’s /readyz checks and the leader-election Leases of the scheduler and controller manager show which part is in trouble.',
    ),
    kinds: [],
    related: [
      'api-server',
      'etcd',
      'controller-manager',
      'scheduler',
      'cloud-controller-manager',
      'lease',
    ],
    referenceUrl: `${K8S}/concepts/overview/components/`,
  },
  {
    id: 'api-server',
    name: 'API server',
    category: 'control-plane',
    summary:
      'The front door of the cluster: every client and component, including kubectl and this portal, reads and changes cluster state through it.',
    description: paragraphs(
      'kube-apiserver serves the Kubernetes REST API, checks authentication and authorisation, validates objects and stores them in etcd. Other components talk to each other only through it.',
      'On Jetstream2 its address is the server in your kubeconfig; Magnum puts it behind an Octavia load balancer. The portal connects to it for every registered cluster.',
      'Errors 401 and 403 mean the credentials are wrong or expired, timeouts mean the address is unreachable; its /readyz endpoint lists the checks (etcd among them) that must pass.',
    ),
    kinds: [],
    related: ['control-plane', 'etcd', 'kubelet'],
    referenceUrl: `${K8S}/reference/command-line-tools-reference/kube-apiserver/`,
  },
  {
    id: 'etcd',
    name: 'etcd (cluster store)',
    category: 'control-plane',
    summary:
      'The consistent key-value database that holds the whole state of the cluster; only the API server talks to it.',
    description: paragraphs(
      'etcd stores every object the API server accepts: configuration, desired state and status. Losing it means losing the cluster’s definition, which is why production setups run three members and take backups.',
      'kubeadm and Magnum run etcd on the control plane nodes. A three-master Magnum cluster keeps working when one member is lost; a single master does not.',
      'Slow disks and full disks make etcd slow, and then the whole API slows down. The API server’s etcd readiness check is the quickest signal.',
    ),
    kinds: [],
    related: ['api-server', 'control-plane'],
    referenceUrl: `${K8S}/tasks/administer-cluster/configure-upgrade-etcd/`,
  },
  {
    id: 'controller-manager',
    name: 'Controller manager',
    category: 'control-plane',
    summary:
      'Runs the control loops that keep actual state close to desired state, such as the node, job, endpoint and replication controllers.',
    description: paragraphs(
      'kube-controller-manager bundles many controllers in one process. Each watches some objects and acts: the ReplicaSet controller creates Pods, the node controller marks silent nodes NotReady, the Job controller tracks completions.',
      'It runs on the control plane nodes; when there are several, one instance holds a leader-election Lease and does the work.',
      'If objects stop reacting (a ReplicaSet never gets its Pods, Endpoints never update), check that its leader Lease is being renewed and read its logs.',
    ),
    kinds: [],
    related: ['control-plane', 'replicaset', 'job', 'lease'],
    referenceUrl: `${K8S}/reference/command-line-tools-reference/kube-controller-manager/`,
  },
  {
    id: 'scheduler',
    name: 'Scheduler',
    category: 'control-plane',
    summary:
      'Picks a node for each new Pod, from its resource requests, node selectors, affinities and taints.',
    description: paragraphs(
      'kube-scheduler watches for Pods without a node, filters out nodes that cannot take them (not enough CPU, memory or GPU, a taint not tolerated, a volume in another zone) and ranks the rest.',
      'On Jetstream2 the answer depends on your node flavors: a Pod asking for more than one VM offers stays Pending forever, whatever the total capacity.',
      'A Pending Pod carries an Event from the scheduler explaining which filter failed, for example "Insufficient nvidia.com/gpu" or "untolerated taint".',
    ),
    kinds: [],
    related: [
      'control-plane',
      'pod',
      'node',
      'taints-tolerations',
      'event',
      'lease',
    ],
    referenceUrl: `${K8S}/concepts/scheduling-eviction/kube-scheduler/`,
  },

  // Added by the guides.
  {
    id: 'cloud-controller-manager',
    name: 'Cloud controller manager',
    category: 'control-plane',
    summary:
      'The control-plane part that talks to OpenStack on the cluster’s behalf: it labels nodes, and creates load balancers for LoadBalancer Services.',
    description: paragraphs(
      'The cloud controller manager links Kubernetes to the cloud underneath it. On OpenStack it reads node details from Nova and creates Octavia load balancers; the Cinder CSI driver does the same job for volumes.',
      'Both authenticate with an OpenStack application credential stored in a cloud-config Secret in the cluster. On Jetstream2 those credentials expire, and nothing in Kubernetes renews them.',
      'When new volumes stop attaching or LoadBalancer Services get no address while the rest of the cluster looks fine, suspect an expired credential and replace it.',
    ),
    kinds: [],
    related: ['control-plane', 'load-balancer', 'storage-class', 'secret'],
    referenceUrl: `${K8S}/concepts/architecture/cloud-controller/`,
  },
  {
    id: 'namespace',
    name: 'Namespace',
    category: 'cluster',
    summary:
      'A named partition of the cluster that groups objects, scopes their names and carries quotas and access rules.',
    description: paragraphs(
      'Most objects live in a namespace; two Deployments may share a name if their namespaces differ. Nodes, PersistentVolumes and StorageClasses are cluster-wide.',
      'System components live in kube-system; Zero to JupyterHub installs into its own namespace (jhub in the guides). The portal can be told which namespace a catalog entity lives in.',
      'Deleting a namespace deletes everything in it. If something seems missing, check that you are looking in the right namespace.',
    ),
    kinds: ['Namespace'],
    related: ['secret', 'configmap', 'helm-release'],
    referenceUrl: `${K8S}/concepts/overview/working-with-objects/namespaces/`,
  },
  {
    id: 'persistent-volume',
    name: 'PersistentVolume',
    category: 'storage',
    summary:
      'A piece of storage the cluster can give to Pods that outlives any single Pod, created by an administrator or on demand by a StorageClass.',
    description: paragraphs(
      'A PersistentVolume describes real storage (a Cinder volume, a CephFS share, a host path) with a size and access modes. A claim binds to it, and Pods mount the claim.',
      'On Magnum clusters volumes are usually created on demand as Cinder volumes of your allocation, so they count against your storage quota. Manila shares can be mounted for data that many Pods read at once.',
      'A volume in Released or Failed state, or one whose reclaim policy deletes data, deserves a look before you delete the claim.',
    ),
    kinds: ['PersistentVolume'],
    related: ['persistent-volume-claim', 'storage-class', 'pod'],
    referenceUrl: `${K8S}/concepts/storage/persistent-volumes/`,
  },
  {
    id: 'persistent-volume-claim',
    name: 'PersistentVolumeClaim',
    category: 'storage',
    summary:
      'A request for storage (size, access mode, class) made by a workload; once bound to a volume, Pods mount it by the claim’s name.',
    description: paragraphs(
      'A claim says how much storage a workload needs and how it will be accessed (ReadWriteOnce, ReadWriteMany). Kubernetes binds it to a matching PersistentVolume or asks the StorageClass to create one.',
      'JupyterHub creates one claim per user for the home folder, so each user’s files survive their server being stopped.',
      'A claim stuck Pending means nothing could satisfy it: no default StorageClass, no matching volume, an access mode the storage cannot offer, or a storage quota that is used up. Its Events say which.',
    ),
    kinds: ['PersistentVolumeClaim'],
    related: ['persistent-volume', 'storage-class', 'pod', 'statefulset'],
    referenceUrl: `${K8S}/concepts/storage/persistent-volumes/#persistentvolumeclaims`,
  },
  {
    id: 'storage-class',
    name: 'StorageClass',
    category: 'storage',
    summary:
      'Names a kind of storage and the driver that creates it, so claims get volumes on demand; one class can be marked the cluster default.',
    description: paragraphs(
      'A StorageClass names a provisioner (for example the Cinder CSI driver) and its parameters. Claims that name the class, or name none when a default exists, get a new volume automatically.',
      'Kubespray and Magnum clusters on Jetstream2 come with a Cinder-backed class; hand-built clusters have none until you add one, and the volumes guide uses a manual class with pre-made volumes.',
      'If claims stay Pending, check that a default class exists and that its provisioner Pods run; an expired OpenStack credential also stops new volumes.',
    ),
    kinds: ['StorageClass'],
    related: [
      'persistent-volume',
      'persistent-volume-claim',
      'cloud-controller-manager',
    ],
    referenceUrl: `${K8S}/concepts/storage/storage-classes/`,
  },
  {
    id: 'ingress',
    name: 'Ingress',
    category: 'networking',
    summary:
      'HTTP routing from outside the cluster to Services by host name and path, usually with TLS; an ingress controller such as nginx or Traefik does the work.',
    description: paragraphs(
      'An Ingress maps host names and paths to Services. It does nothing alone: an ingress controller (ingress-nginx, Traefik) watches Ingress objects and serves the traffic, often with certificates from cert-manager.',
      'On Jetstream2, Kubespray clusters use ingress-nginx, CACAO k3s clusters can enable Traefik, and Magnum clusters expose their controller through an Octavia load balancer. DNS names come from your allocation’s Designate zone.',
      'An Ingress with no address means no controller picked it up or its load balancer is missing; HTTPS errors usually mean the certificate was not issued yet.',
    ),
    kinds: ['Ingress'],
    related: ['service', 'load-balancer', 'secret'],
    referenceUrl: `${K8S}/concepts/services-networking/ingress/`,
  },
  {
    id: 'horizontal-pod-autoscaler',
    name: 'HorizontalPodAutoscaler',
    category: 'scaling',
    summary:
      'Changes the replica count of a Deployment or StatefulSet between a minimum and a maximum, following CPU use or other metrics.',
    description: paragraphs(
      'A HorizontalPodAutoscaler compares a metric (usually average CPU use against the Pods’ requests) with a target and scales the workload out or in.',
      'It needs the metrics server and CPU requests on the Pods. It adds Pods, not nodes: if the new Pods do not fit, they stay Pending unless the cluster autoscaler adds a node.',
      'If it never scales, check that its current metric is known (not "unknown") and that the target workload sets resource requests.',
    ),
    kinds: ['HorizontalPodAutoscaler'],
    related: ['deployment', 'cluster-autoscaler', 'statefulset'],
    referenceUrl: `${K8S}/tasks/run-application/horizontal-pod-autoscale/`,
  },
  {
    id: 'cluster-autoscaler',
    name: 'Cluster autoscaler',
    category: 'scaling',
    summary:
      'Adds worker nodes when Pods cannot be placed and removes idle ones, within the minimum and maximum node counts set for the cluster.',
    description: paragraphs(
      'The cluster autoscaler watches for Pods that the scheduler cannot place and asks the cloud for more nodes; it removes nodes that stay underused.',
      'Magnum turns it on with the auto_scaling_enabled, min_node_count and max_node_count labels at creation time; those labels cannot be changed later, so the maximum is final. New nodes are VMs and spend SUs.',
      'If Pending Pods do not bring new nodes, check whether the cluster is already at its maximum, whether your quota allows more VMs, and whether the Pod would fit on the worker flavor at all.',
    ),
    kinds: [],
    related: ['node', 'horizontal-pod-autoscaler', 'scheduler'],
    referenceUrl: `${K8S}/concepts/cluster-administration/node-autoscaling/`,
  },
  {
    id: 'daemonset',
    name: 'DaemonSet',
    category: 'workload',
    summary:
      'Runs one copy of a Pod on every node (or every matching node), for agents such as network plugins, log collectors and device plugins.',
    description: paragraphs(
      'A DaemonSet places one Pod per eligible node and adds one when a node joins. Cluster plumbing (kube-proxy, Calico, storage drivers, the NVIDIA device plugin) runs this way.',
      'When you drain a node to shelve it, DaemonSet Pods are left in place; they come back with the node. On GPU clusters the device plugin DaemonSet must tolerate the GPU taint to reach the GPU nodes.',
      'Compare desired and ready counts: a missing Pod on one node usually means a taint it does not tolerate or a node that is not Ready.',
    ),
    kinds: ['DaemonSet'],
    related: [
      'node',
      'gpu-device-plugin',
      'taints-tolerations',
      'cordon-drain',
    ],
    referenceUrl: `${K8S}/concepts/workloads/controllers/daemonset/`,
  },
  {
    id: 'statefulset',
    name: 'StatefulSet',
    category: 'workload',
    summary:
      'Runs Pods that need a stable identity and their own storage, such as databases, giving each a fixed name and its own volume claim.',
    description: paragraphs(
      'A StatefulSet creates Pods named name-0, name-1 and so on, starts them in order and gives each its own PersistentVolumeClaim from a template, which stays when the Pod is replaced.',
      'On Jetstream2 each replica’s claim becomes a Cinder volume; it is attached to one node at a time, so a replica can only restart where its volume can follow.',
      'If a replica is stuck, look at its claim (Pending means no volume) and at the previous replica, since ordered start waits for it to be Ready.',
    ),
    kinds: ['StatefulSet'],
    related: ['persistent-volume-claim', 'pod', 'service'],
    referenceUrl: `${K8S}/concepts/workloads/controllers/statefulset/`,
  },
  {
    id: 'job',
    name: 'Job',
    category: 'workload',
    summary:
      'Runs Pods until a task completes successfully a given number of times, retrying failures; suited to batch processing and one-off analyses.',
    description: paragraphs(
      'A Job creates Pods that run to completion, retries failed ones up to a back-off limit, and can run several in parallel. It is the batch counterpart of a Deployment.',
      'Research pipelines on Jetstream2 clusters often run as Jobs; GPU Jobs request nvidia.com/gpu and free the GPU when they finish.',
      'A failed Job keeps its Pods for inspection: read their logs and exit codes. A Job that never starts has Pending Pods; look at their Events.',
    ),
    kinds: ['Job'],
    related: ['cronjob', 'pod', 'controller-manager'],
    referenceUrl: `${K8S}/concepts/workloads/controllers/job/`,
  },
  {
    id: 'cronjob',
    name: 'CronJob',
    category: 'workload',
    summary:
      'Creates a Job on a repeating schedule written in cron syntax, for backups, reports and periodic data pulls.',
    description: paragraphs(
      'A CronJob holds a Job template and a schedule; at each time it creates a Job. Settings decide whether runs may overlap and how many old Jobs are kept.',
      'Schedules use the controller manager’s time zone unless you set one explicitly.',
      'Check the last schedule time and the most recent Jobs: missed runs, overlapping runs or a steady series of failed Jobs are the usual problems.',
    ),
    kinds: ['CronJob'],
    related: ['job', 'pod'],
    referenceUrl: `${K8S}/concepts/workloads/controllers/cron-jobs/`,
  },
  {
    id: 'configmap',
    name: 'ConfigMap',
    category: 'configuration',
    summary:
      'Holds non-secret settings as key-value pairs or files, which Pods read as environment variables or mounted files.',
    description: paragraphs(
      'A ConfigMap keeps configuration out of the image. Pods consume it as environment variables or as files in a mounted volume.',
      'Helm charts such as Zero to JupyterHub render much of their configuration into ConfigMaps; change the chart values rather than editing them by hand, or the next upgrade overwrites you.',
      'Environment variables are read only at start, so restart the Pods after a change; mounted files update after a short delay.',
    ),
    kinds: ['ConfigMap'],
    related: ['secret', 'pod', 'helm-release'],
    referenceUrl: `${K8S}/concepts/configuration/configmap/`,
  },
  {
    id: 'secret',
    name: 'Secret',
    category: 'configuration',
    summary:
      'Holds sensitive values such as passwords, tokens, keys and certificates, and hands them to Pods as files or environment variables.',
    description: paragraphs(
      'A Secret is like a ConfigMap for sensitive data. Values are base64-encoded, which is an encoding, not encryption: anyone who may read Secrets in the namespace can read them.',
      'On Jetstream2, Secrets carry the OpenStack cloud-config that the cloud controller and Cinder CSI use, Manila access keys, TLS certificates from cert-manager, and Helm release records.',
      'When something stops authenticating after working for months, check the expiry of the credential inside the Secret. The portal never shows Secret values.',
    ),
    kinds: ['Secret'],
    related: [
      'configmap',
      'cloud-controller-manager',
      'namespace',
      'helm-release',
    ],
    referenceUrl: `${K8S}/concepts/configuration/secret/`,
  },
  {
    id: 'labels-selectors',
    name: 'Labels and selectors',
    category: 'configuration',
    summary:
      'Key-value tags on objects, and the queries over them that Services, ReplicaSets and Deployments use to find their Pods.',
    description: paragraphs(
      'Labels are free-form key-value pairs on any object. Selectors pick objects by label; this is how a Service finds its Pods and a ReplicaSet counts its replicas.',
      'The portal uses them too: a catalog entity’s backstage.io/kubernetes-id annotation or label selector decides which workloads appear on its page.',
      'A Service with no endpoints or a ReplicaSet that keeps creating Pods often has a selector that does not match the Pod labels, sometimes by a single character.',
    ),
    kinds: [],
    related: ['service', 'replicaset', 'deployment'],
    referenceUrl: `${K8S}/concepts/overview/working-with-objects/labels/`,
  },
  {
    id: 'gpu-device-plugin',
    name: 'GPU device plugin (nvidia.com/gpu)',
    category: 'node',
    summary:
      'The NVIDIA device plugin advertises each node’s GPUs as the extended resource nvidia.com/gpu, so Pods can request them like CPU or memory.',
    description: paragraphs(
      'Kubernetes knows nothing about GPUs by itself. The NVIDIA device plugin runs as a DaemonSet on GPU nodes and registers nvidia.com/gpu as an extended resource; Pods ask for whole units in their resource limits.',
      'Jetstream2 GPU flavors offer slices of an A100: g3.medium a quarter, g3.large half, g3.xl a whole card, each seen as one nvidia.com/gpu. GPU nodes are often tainted so only Pods that tolerate the taint land there.',
      '"Insufficient nvidia.com/gpu" in a Pending Pod’s Events means no node has a free GPU: check that GPU nodes exist, that the plugin Pod runs on each of them, and that the node shows a non-zero nvidia.com/gpu capacity.',
    ),
    kinds: [],
    related: [
      'daemonset',
      'taints-tolerations',
      'node',
      'container-runtime',
      'scheduler',
    ],
    referenceUrl: `${K8S}/tasks/manage-gpus/scheduling-gpus/`,
  },
  {
    id: 'taints-tolerations',
    name: 'Taints and tolerations',
    category: 'node',
    summary:
      'A taint on a node keeps Pods away unless they carry a matching toleration; used to reserve GPU nodes, protect the control plane and mark nodes that are being drained.',
    description: paragraphs(
      'A taint has a key, an optional value and an effect (NoSchedule, PreferNoSchedule, NoExecute). Only Pods whose tolerations match may be placed there, or stay there under NoExecute.',
      'On Jetstream2, control plane nodes are tainted, GPU nodes are commonly tainted with nvidia.com/gpu so CPU work does not fill them, and a cordoned node carries the unschedulable taint.',
      'A Pod Pending with "untolerated taint" in its Events needs a toleration or should target other nodes; a tolerated taint does not attract Pods by itself, which is what node selectors are for.',
    ),
    kinds: [],
    related: [
      'node',
      'scheduler',
      'gpu-device-plugin',
      'cordon-drain',
      'daemonset',
    ],
    referenceUrl: `${K8S}/concepts/scheduling-eviction/taint-and-toleration/`,
  },
  {
    id: 'cordon-drain',
    name: 'Cordon and drain',
    category: 'node',
    summary:
      'Cordoning marks a node unschedulable; draining also evicts its Pods so they move elsewhere. Both prepare a node for maintenance or removal.',
    description: paragraphs(
      'kubectl cordon stops new Pods from landing on a node; kubectl drain cordons it and evicts the Pods, respecting disruption budgets and leaving DaemonSet Pods. kubectl uncordon reverses it.',
      'On Jetstream2 this is how you shrink a cluster cheaply: drain the workers, shelve their VMs so they stop spending SUs, and later unshelve and uncordon them.',
      'A node left cordoned after maintenance keeps the cluster smaller than it looks; Pods with local data or without a controller may block a drain until you decide what to do with them.',
    ),
    kinds: [],
    related: ['node', 'taints-tolerations', 'daemonset'],
    referenceUrl: `${K8S}/tasks/administer-cluster/safely-drain-node/`,
  },
  {
    id: 'helm-release',
    name: 'Helm release',
    category: 'packaging',
    summary:
      'One installation of a Helm chart in a namespace, with its own name, values and revision history, upgraded and rolled back as a unit.',
    description: paragraphs(
      'Helm packages many Kubernetes objects into a chart. Installing a chart with your values creates a release; each upgrade makes a new revision, and Helm stores the history in Secrets of the release namespace.',
      'JupyterHub (Zero to JupyterHub), BinderHub, cert-manager and the Manila and GPU additions in the guides are all managed as Helm releases, typically with helm upgrade --install and several values files.',
      'Edit the values and upgrade rather than changing the rendered objects, which the next upgrade would undo. A release stuck in a pending state blocks new upgrades until it is rolled back.',
    ),
    kinds: [],
    related: ['namespace', 'secret', 'configmap'],
    referenceUrl: 'https://helm.sh/docs/intro/using_helm/',
  },
  {
    id: 'load-balancer',
    name: 'LoadBalancer Service (Octavia)',
    category: 'networking',
    summary:
      'A Service of type LoadBalancer asks the cloud for an external address; on Jetstream2 Magnum clusters the address comes from an Octavia load balancer.',
    description: paragraphs(
      'Setting a Service’s type to LoadBalancer makes the cloud controller create a load balancer outside the cluster that forwards to the Service’s node ports, and write its address into the Service status.',
      'On Magnum clusters this uses OpenStack Octavia and a floating IP from your allocation, which needs a credential with the load-balancer role; floating IPs are limited by quota. Clusters without a cloud controller never fill the address.',
      'A LoadBalancer Service stuck without an external address points at the cloud side: quota, an expired credential, or the cloud controller’s logs. Its Events usually say which.',
    ),
    kinds: [],
    related: ['service', 'ingress', 'cloud-controller-manager'],
    referenceUrl: `${K8S}/concepts/services-networking/service/#loadbalancer`,
  },
  {
    id: 'cni',
    name: 'Network plugin (CNI, Calico)',
    category: 'networking',
    summary:
      'The plugin that gives every Pod an IP address and connects Pods across nodes; Calico is the one installed in the kubeadm guide.',
    description: paragraphs(
      'Kubernetes delegates Pod networking to a Container Network Interface plugin. It assigns Pod addresses from the cluster’s Pod range, routes traffic between nodes, and may enforce NetworkPolicies.',
      'In the kubeadm guide you install Calico right after kubeadm init, with a Pod range passed to init; Magnum and Kubespray install a plugin for you.',
      'Until a network plugin runs, nodes stay NotReady and CoreDNS stays Pending. Pods that cannot reach Pods on other nodes point at the plugin’s DaemonSet or at firewall rules between the VMs.',
    ),
    kinds: [],
    related: ['node', 'kube-proxy', 'daemonset', 'pod'],
    referenceUrl: `${K8S}/concepts/extend-kubernetes/compute-storage-net/network-plugins/`,
  },
  {
    id: 'lease',
    name: 'Lease',
    category: 'cluster',
    summary:
      'A small object renewed on a timer: kubelets use one per node as a heartbeat, and the scheduler and controller manager use one to elect a leader.',
    description: paragraphs(
      'A Lease records who holds it and when it was last renewed. Each kubelet renews a Lease named after its node in kube-node-lease; control plane components with several replicas compete for one in kube-system, and the holder does the work.',
      'The portal reads these Leases to show whether the scheduler and controller manager are alive, which works even on Magnum clusters where you cannot log in to the control plane VMs.',
      'A node Lease that is no longer renewed precedes the node turning NotReady; a leader Lease renewed long ago means that component has stopped.',
    ),
    kinds: ['Lease'],
    related: [
      'node',
      'kubelet',
      'scheduler',
      'controller-manager',
      'control-plane',
    ],
    referenceUrl: `${K8S}/concepts/architecture/leases/`,
  },
  {
    id: 'event',
    name: 'Event',
    category: 'cluster',
    summary:
      'A short-lived record of something that happened to an object, such as a scheduling failure, an image pull or a restart; the first place to look when something is stuck.',
    description: paragraphs(
      'Components write Events about the objects they act on, with a reason, a message, a type (Normal or Warning) and a count. kubectl describe shows the Events of an object at the bottom.',
      'Events are kept for about an hour by default, so a problem from yesterday may have left none; check soon after it happens.',
      'Warning Events explain most stuck objects: FailedScheduling on Pending Pods, FailedMount or ProvisioningFailed on volumes, BackOff on crashing containers.',
    ),
    kinds: ['Event'],
    related: ['pod', 'scheduler', 'persistent-volume-claim'],
    referenceUrl: `${K8S}/reference/kubernetes-api/cluster-resources/event-v1/`,
  },
] as const satisfies readonly TableEntry<Omit<Concept, 'guides'>>[];

/** The id of a concept of the catalogue. */
export type ConceptId = (typeof conceptTable)[number]['id'];
