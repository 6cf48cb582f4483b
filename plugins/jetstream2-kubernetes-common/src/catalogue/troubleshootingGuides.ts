import type { GuideEntry } from './tableEntry';

const DOCS = 'https://docs.jetstream-cloud.org';
const K8S = 'https://kubernetes.io/docs';
const ZONCA = 'https://www.zonca.dev/posts';

/**
 * Guides for what goes wrong with a running service, in our own words. The Jetstream2 documentation has
 * no page for these problems, so each links to the Kubernetes documentation (and the Jetstream2 pages
 * that hold the Jetstream2 side) and names the checks in the order to make them.
 */
export const troubleshootingGuideTable = [
  {
    id: 'k8s-debug-pods',
    title: 'Read logs and debug a crashing pod',
    url: `${K8S}/tasks/debug/debug-application/debug-running-pod/`,
    source: 'kubernetes.io',
    summary:
      'Finds out why a container keeps restarting or never starts: its state and restart count, its last log lines (and those of the run before the restart), its warning events and its exit code.',
    purpose:
      'Reach for it when a pod is crashing (CrashLoopBackOff, Error, OOMKilled), cannot pull its image, or keeps restarting, and you need its logs to see why.',
    prerequisites: [
      'Read access to the namespace with kubectl, or the Logs and Events buttons of this portal',
    ],
    steps: [
      'Look at the pod: its status, restart count and the reason a container is waiting',
      'Read the container logs, then the logs of the run before the last restart (kubectl logs --previous)',
      'Read the warning events of the pod and of its Deployment or StatefulSet',
      'Check the last exit code: 1 is an error of the program, 137 with OOMKilled means it ran out of memory',
      'Fix the cause (a setting, a Service or Secret it needs, the image, its memory limit) and roll out again',
    ],
    tools: ['kubectl logs', 'kubectl describe', 'kubectl get events'],
    concepts: ['pod', 'deployment', 'event', 'configmap', 'secret'],
    links: [
      {
        title: 'Jetstream2: manage your application with kubectl',
        url: `${DOCS}/general/k8smanage/`,
      },
      {
        title: 'Kubernetes: determine the reason for a pod failure',
        url: `${K8S}/tasks/debug/debug-application/determine-reason-pod-failure/`,
      },
      {
        title: 'Kubernetes: debug pods that are pending, waiting or crashing',
        url: `${K8S}/tasks/debug/debug-application/debug-pods/`,
      },
    ],
  },
  {
    id: 'k8s-external-address',
    title: 'Get an external address for a LoadBalancer Service or Ingress',
    url: `${DOCS}/general/octavia/`,
    source: 'jetstream2-docs',
    summary:
      'What must be in place before a LoadBalancer Service or an Ingress gets a public address on Jetstream2: a controller that asks Octavia for a load balancer, a credential allowed to do so, and a free floating IP.',
    purpose:
      'Reach for it when a LoadBalancer Service stays without an external address or an Ingress has no address, before thinking of a new cluster.',
    prerequisites: [
      'kubectl access to the cluster',
      "Horizon or the openstack CLI, to see the allocation's floating IPs",
    ],
    steps: [
      'Read the warning events of the Service or Ingress: the controller says why it gave no address',
      'Check that the cluster runs a load-balancer controller (the OpenStack cloud controller manager with Octavia) and, for an Ingress, an ingress controller',
      "Check that the cluster's application credential includes the load-balancer role and has not expired",
      "Check the allocation's floating-IP quota: each LoadBalancer takes one (10 by default, 4 on GPU allocations)",
      'Only when the cluster has no load-balancer support at all: Magnum clusters come with it',
    ],
    tools: ['kubectl', 'openstack CLI', 'Horizon'],
    concepts: [
      'load-balancer',
      'service',
      'ingress',
      'cloud-controller-manager',
    ],
    links: [
      {
        title: 'Jetstream2: quotas (floating IPs per allocation)',
        url: `${DOCS}/general/quotas/`,
      },
      {
        title: 'Replace an expired application credential inside a cluster',
        url: `${ZONCA}/2023-03-23-update-openstack-credentials-kubernetes`,
      },
      {
        title: 'Kubernetes: create an external load balancer',
        url: `${K8S}/tasks/access-application-cluster/create-external-load-balancer/`,
      },
      {
        title: 'Kubernetes: ingress controllers',
        url: `${K8S}/concepts/services-networking/ingress-controllers/`,
      },
    ],
  },
] as const satisfies readonly GuideEntry[];
