/*
 * Jetstream2 facts used to plan Kubernetes clusters: regions, Keystone, Magnum cluster templates, quotas,
 * allocation ids, networks and the documentation pages the plans link to.
 */

/** The primary cloud. Regional clouds exist but are by invitation only. */
export const JETSTREAM2_PRIMARY_REGION = 'IU';

/** Jetstream2 regions; only IU is open to every allocation. */
export const jetstream2Regions: readonly {
  id: string;
  title: string;
  byInvitation: boolean;
}[] = Object.freeze([
  {
    id: 'IU',
    title: 'Indiana University (primary cloud)',
    byInvitation: false,
  },
  { id: 'ASU', title: 'Arizona State University', byInvitation: true },
  { id: 'Cornell', title: 'Cornell University', byInvitation: true },
  { id: 'Hawaii', title: "University of Hawai'i", byInvitation: true },
  { id: 'TACC', title: 'Texas Advanced Computing Center', byInvitation: true },
]);

/** Horizon, the web dashboard of the primary cloud. */
export const JETSTREAM2_HORIZON_URL = 'https://js2.jetstream-cloud.org';
/** Keystone v3 of the primary cloud. */
export const JETSTREAM2_AUTH_URL = 'https://js2.jetstream-cloud.org:5000/v3/';
/** The auth type Jetstream2's openrc/clouds.yaml files use. */
export const JETSTREAM2_AUTH_TYPE = 'v3applicationcredential';

/** Networks that every allocation gets. */
export const jetstream2Networks = Object.freeze({
  fixedNetwork: 'auto_allocated_network',
  fixedSubnet: 'auto_allocated_subnet',
  router: 'auto_allocated_router',
  externalNetwork: 'public',
});

/** The Designate zone of an allocation, e.g. `abc123456.projects.jetstream-cloud.org.` */
export function jetstream2DnsZone(allocationId: string): string {
  return `${allocationId.toLowerCase()}.projects.jetstream-cloud.org.`;
}

/** Allocation (project) ids: three lowercase letters and six digits, e.g. `abc123456`. */
export const ALLOCATION_ID_PATTERN = /^[a-z]{3}\d{6}$/;

/** True when the text has the shape of a Jetstream2 allocation id. */
export function isAllocationId(value: string): boolean {
  return ALLOCATION_ID_PATTERN.test(value);
}

/** A Magnum cluster template offered on Jetstream2. */
export interface MagnumClusterTemplate {
  /** e.g. `kubernetes-1-33-jammy` */
  name: string;
  /** e.g. `1.33` */
  kubernetesVersion: string;
}

/** Magnum cluster templates seen on Jetstream2 (`kubernetes-<major>-<minor>-jammy`), newest last. */
export const magnumClusterTemplates: readonly MagnumClusterTemplate[] =
  Object.freeze(
    ['1-30', '1-31', '1-33'].map(v => ({
      name: `kubernetes-${v}-jammy`,
      kubernetesVersion: v.replace('-', '.'),
    })),
  );

/** The template new clusters get unless asked otherwise: the newest known. */
export const DEFAULT_MAGNUM_CLUSTER_TEMPLATE =
  magnumClusterTemplates[magnumClusterTemplates.length - 1].name;

/** The known template with this name, or undefined. */
export function getMagnumClusterTemplate(
  name: string,
): MagnumClusterTemplate | undefined {
  return magnumClusterTemplates.find(t => t.name === name);
}

/** Allocation kinds and their default quotas. */
export type Jetstream2AllocationKind = 'cpu' | 'gpu' | 'trial';

export interface Jetstream2Quota {
  kind: Jetstream2AllocationKind;
  title: string;
  cores: number;
  floatingIps: number;
}

/** Default quotas by allocation kind; a project can ask the Jetstream2 team for more. */
export const jetstream2DefaultQuotas: Readonly<
  Record<Jetstream2AllocationKind, Jetstream2Quota>
> = Object.freeze({
  cpu: { kind: 'cpu', title: 'CPU allocation', cores: 150, floatingIps: 10 },
  gpu: { kind: 'gpu', title: 'GPU allocation', cores: 64, floatingIps: 4 },
  trial: { kind: 'trial', title: 'Trial allocation', cores: 2, floatingIps: 1 },
});

/** Magnum facts from the Jetstream2 guide. */
export const magnumFacts = Object.freeze({
  /** Master counts Magnum accepts for an etcd quorum. */
  masterCounts: [1, 3] as readonly number[],
  /** Docker volume size the guide uses, in GB. */
  defaultDockerVolumeGb: 10,
  /** Typical time to CREATE_COMPLETE, in minutes (the first cluster of a project can take 2+ hours). */
  typicalCreateMinutes: 10,
});

/** Documentation pages that plans and rendered READMEs link to. */
export const jetstream2DocLinks = Object.freeze({
  magnum: 'https://docs.jetstream-cloud.org/general/k8smagnum/',
  kubespray: 'https://docs.jetstream-cloud.org/general/k8skubespray/',
  cacao: 'https://docs.jetstream-cloud.org/ui/cacao/deployment_kubernetes/',
  gpu: 'https://docs.jetstream-cloud.org/general/k8sgpu/',
  kubernetes: 'https://docs.jetstream-cloud.org/general/kubernetes/',
  flavors: 'https://docs.jetstream-cloud.org/general/vmsizes/',
  appCredentials: 'https://docs.jetstream-cloud.org/ui/cli/auth/',
  credentialsRotation:
    'https://www.zonca.dev/posts/2023-03-23-update-openstack-credentials-kubernetes',
  jupyterhub: 'https://www.zonca.dev/posts/2022-03-31-jetstream2_jupyterhub',
});
