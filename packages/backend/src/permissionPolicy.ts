import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogEntityValidatePermission,
  catalogIngestionReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  kubernetesClustersReadPermission,
  kubernetesProxyPermission,
  kubernetesResourcesReadPermission,
} from '@backstage/plugin-kubernetes-common';
import {
  AuthorizeResult,
  isPermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  createScaffolderActionConditionalDecision,
  createScaffolderTaskConditionalDecision,
  scaffolderActionConditions,
  scaffolderTaskConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import {
  actionExecutePermission,
  taskCancelPermission,
  taskCreatePermission,
  taskReadPermission,
  templateParameterReadPermission,
  templateStepReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import {
  jetstream2KubernetesAllocationsReadPermission,
  jetstream2KubernetesCapacityReadPermission,
  jetstream2KubernetesClustersReadPermission,
  jetstream2KubernetesWorkloadsReadPermission,
} from '@internal/plugin-jetstream2-kubernetes-common';

/** The group whose members operate the clusters: they may do everything. */
export const PLATFORM_TEAM = 'group:default/platform-team';

/** The tag that marks the templates creating a cluster (catalog/templates/<name>/template.yaml). */
export const CLUSTER_TEMPLATE_TAG = 'jetstream2-cluster';

/** The scaffolder actions that plan or render a cluster. */
export const CLUSTER_ACTION_IDS = [
  'jetstream2:cluster:plan',
  'jetstream2:cluster:render',
] as const;

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * Fixed decisions for signed-in users outside the platform team, by permission. Permissions not listed
 * here and not decided conditionally below: reads are allowed, everything else is denied.
 */
const MEMBER_DECISIONS: ReadonlyArray<[Permission, PolicyDecision]> = [
  // Cluster data of the catalog's services: yes. Whole clusters and the raw proxy: no.
  [jetstream2KubernetesWorkloadsReadPermission, ALLOW],
  [kubernetesResourcesReadPermission, ALLOW],
  [jetstream2KubernetesClustersReadPermission, DENY],
  // How much room a cluster has (amounts by flavor, no names): the deploy forms need it.
  [jetstream2KubernetesCapacityReadPermission, ALLOW],
  [kubernetesClustersReadPermission, DENY],
  [kubernetesProxyPermission, DENY],
  // Catalog: reading is conditional (below); refreshing and validating an entity are harmless;
  // registering, unregistering and the ingestion internals are for the platform team.
  [catalogEntityRefreshPermission, ALLOW],
  [catalogEntityValidatePermission, ALLOW],
  [catalogIngestionReadPermission, DENY],
  // Scaffolder: anyone may run the templates they can see; the actions are decided conditionally.
  [taskCreatePermission, ALLOW],
  [templateParameterReadPermission, ALLOW],
  [templateStepReadPermission, ALLOW],
];

function isPlatformTeam(user: PolicyQueryUser): boolean {
  return user.info.ownershipEntityRefs.includes(PLATFORM_TEAM);
}

function decideForMember(
  permission: Permission,
  user: PolicyQueryUser,
): PolicyDecision {
  if (isPermission(permission, catalogEntityReadPermission)) {
    // Everything in the catalog except the templates that create clusters.
    return createCatalogConditionalDecision(permission, {
      not: {
        allOf: [
          catalogConditions.isEntityKind({ kinds: ['Template'] }),
          catalogConditions.hasMetadata({
            key: 'tags',
            value: CLUSTER_TEMPLATE_TAG,
          }),
        ],
      },
    });
  }
  if (isPermission(permission, jetstream2KubernetesAllocationsReadPermission)) {
    // An allocation's balance, burn and runway: the members of the group that owns it.
    return createCatalogConditionalDecision(
      permission,
      catalogConditions.isEntityOwner({
        claims: user.info.ownershipEntityRefs,
      }),
    );
  }
  if (isPermission(permission, actionExecutePermission)) {
    // Every scaffolder action except those that plan or render a cluster.
    return createScaffolderActionConditionalDecision(permission, {
      not: {
        anyOf: [
          scaffolderActionConditions.hasActionId({
            actionId: CLUSTER_ACTION_IDS[0],
          }),
          scaffolderActionConditions.hasActionId({
            actionId: CLUSTER_ACTION_IDS[1],
          }),
        ],
      },
    });
  }
  if (
    isPermission(permission, taskReadPermission) ||
    isPermission(permission, taskCancelPermission)
  ) {
    // Their own scaffolder runs only.
    return createScaffolderTaskConditionalDecision(
      permission,
      scaffolderTaskConditions.isTaskOwner({
        createdBy: [user.info.userEntityRef],
      }),
    );
  }
  const fixed = MEMBER_DECISIONS.find(([p]) => p.name === permission.name);
  if (fixed) {
    return fixed[1];
  }
  return permission.attributes.action === 'read' ? ALLOW : DENY;
}

/**
 * The portal's permission policy: groups decide, from the user's ownership refs (the user and the
 * groups it is a member of, as resolved at sign-in from the catalog).
 *
 * - Members of `group:default/platform-team`: everything (proxy, every cluster, cluster templates,
 *   unregistering entities).
 * - Other signed-in users: the catalog without the cluster-creating templates, guides, the cluster
 *   data of the catalog's services, the allocations their groups own; not the proxy, not whole
 *   clusters, not the cluster actions.
 * - No user: deny. Backend plugins calling each other with service credentials never reach this
 *   policy: the permissions service allows service principals (within any access restrictions set
 *   in `backend.auth.externalAccess`) before asking the permission backend.
 */
export class PortalPermissionPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!user) {
      return DENY;
    }
    if (isPlatformTeam(user)) {
      return ALLOW;
    }
    return decideForMember(request.permission, user);
  }
}

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'portal-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new PortalPermissionPolicy());
      },
    });
  },
});
