import type {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import type { PortalCatalog } from './portalCatalog';

/** The group whose members may deploy anywhere the deployer may write. */
export const PLATFORM_TEAM = 'group:default/platform-team';

/** Who runs the template: the user and the groups they belong to. */
export interface Initiator {
  userEntityRef: string;
  ownershipEntityRefs: string[];
  platformTeam: boolean;
}

export async function initiatorOf(
  userInfo: UserInfoService,
  credentials: BackstageCredentials,
): Promise<Initiator> {
  const info = await userInfo.getUserInfo(credentials);
  return {
    userEntityRef: info.userEntityRef,
    ownershipEntityRefs: info.ownershipEntityRefs,
    platformTeam: info.ownershipEntityRefs.includes(PLATFORM_TEAM),
  };
}

/** `data-science` → `group:default/data-science`; full refs stay as they are (lower case). */
export function toEntityRef(ref: string, defaultKind = 'group'): string {
  const m = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(ref.trim());
  if (!m) return ref.trim().toLocaleLowerCase('en-US');
  const [, kind = defaultKind, namespace = 'default', name] = m;
  return `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US');
}

/** Throws unless the initiator is in the platform team or among the owners they name. */
export function checkOwner(initiator: Initiator, owner: string) {
  if (initiator.platformTeam) return;
  const ref = toEntityRef(owner);
  if (initiator.ownershipEntityRefs.includes(ref)) return;
  throw new NotAllowedError(
    `${
      initiator.userEntityRef
    } may not create something owned by ${ref}: only members of ${ref} (or of ${PLATFORM_TEAM}) may. Choose one of your groups as the owner: ${initiator.ownershipEntityRefs.join(
      ', ',
    )}.`,
  );
}

/**
 * Throws unless the namespace is one the template may deploy into for this user: platform-team anywhere
 * the deployer may write (the writer checks that), others only in the template's configured namespaces.
 */
export function checkNamespaceForTemplate(
  initiator: Initiator,
  namespace: string,
  template: string,
  allowed: string[],
) {
  if (initiator.platformTeam || allowed.includes(namespace)) return;
  throw new NotAllowedError(
    `Template "${template}" may deploy only into ${
      allowed.length > 0
        ? allowed.map(n => `"${n}"`).join(', ')
        : 'no namespace'
    } for you, not "${namespace}" (jetstream2.scaffolder.deployNamespaces in app-config; ${PLATFORM_TEAM} may deploy anywhere the portal may write).`,
  );
}

/**
 * Throws when another catalog entity already uses this kubernetes-id: taking it over would show (and let
 * its owners act on) another team's pods.
 */
export async function checkKubernetesIdFree(
  catalog: PortalCatalog,
  id: string,
  self?: string,
) {
  const others = (await catalog.entitiesWithKubernetesId(id)).filter(
    ref => ref !== self,
  );
  if (others.length === 0) return;
  throw new NotAllowedError(
    `The Kubernetes id "${id}" already belongs to ${others.join(
      ', ',
    )} in the catalog, so the portal will not give it to another entity. Choose another name, or unregister ${
      others.length > 1 ? 'those entities' : 'that entity'
    } first.`,
  );
}
