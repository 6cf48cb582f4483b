/**
 * The words a person sees for each field of a cluster request: the field's label in the catalog's cluster
 * templates (catalog/templates/jetstream2-*-cluster). Every message about a request, from the form or from
 * the plan action, names a field by this label and never by its internal name; the scaffolder module's
 * template tests check that each template's title for the field starts with it.
 */
export const clusterRequestLabels = {
  clusterName: 'Cluster name',
  description: 'What is the cluster for?',
  clusterTemplate: 'Kubernetes version',
  method: 'How the cluster is created',
  region: 'Region',
  masterCount: 'Control plane nodes',
  allocation: 'Allocation id',
  allocationKind: 'Allocation kind',
  quotaCores: 'Core quota',
  allocationBalance: 'SU left in the allocation',
  applicationCredential: 'Application credential',
  keypair: 'SSH keypair name',
  owner: 'Owner',
  masterFlavor: 'Control plane flavor',
  workerFlavor: 'Worker flavor',
  nodeCount: 'Workers at creation',
  autoscaling: 'Autoscale workers',
  minNodes: 'Fewest workers',
  maxNodes: 'Most workers',
  dockerVolumeSize: 'Docker volume per node',
  addons: 'Add-ons to plan for',
  targetPath: 'Folder for the files',
} as const satisfies Record<string, string>;

/** A field of a cluster request, by its internal name. */
export type ClusterRequestField = keyof typeof clusterRequestLabels;

/** The field's label in quotes, for a sentence: `"Workers at creation"`. */
export function fieldLabel(field: ClusterRequestField): string {
  return `"${clusterRequestLabels[field]}"`;
}

/** The label of the field that decides the cluster's largest size: the autoscaling maximum, or the fixed count. */
export function sizeFieldLabel(autoscaling: boolean | undefined): string {
  return fieldLabel(autoscaling ? 'maxNodes' : 'nodeCount');
}
