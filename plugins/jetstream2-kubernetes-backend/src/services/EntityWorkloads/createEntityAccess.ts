import type {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  stringifyEntityRef,
  type CompoundEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { jetstream2KubernetesWorkloadsReadPermission } from '@internal/plugin-jetstream2-kubernetes-common';
import { TtlCache } from './ttlCache';

/** Who may read which entity's workloads, and the entities themselves, both cached for a short time. */
export interface EntityAccess {
  /**
   * Checks that the caller may read the entity's workloads (NotAllowedError), then reads the entity
   * (NotFoundError).
   */
  entityFor(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<{ entityRef: string; entity: Entity }>;
  /** The entity as last read from the catalog, while it is cached. */
  cachedEntity(entityRef: string): Entity | undefined;
}

/** The key of a caller in the decision cache: a user by entity ref, a service by subject, never shared. */
export function principalKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef) {
    return `user:${principal.userEntityRef}`;
  }
  if (principal.type === 'service' && principal.subject) {
    return `service:${principal.subject}`;
  }
  // Anything else is not cached: asked every time.
  return '';
}

export function createEntityAccess(options: {
  catalog: CatalogService;
  auth: AuthService;
  permissions: PermissionsService;
  /**
   * How long an entity read from the catalog, and a permission decision for one caller and entity, are
   * reused. A user who loses access keeps it for at most this long.
   */
  ttlMs: number;
}): EntityAccess {
  const { catalog, auth, permissions, ttlMs } = options;
  const entities = new TtlCache<string, Entity | null>(ttlMs, 5000);
  const decisions = new TtlCache<string, boolean>(ttlMs, 20000);

  async function authorize(
    entityRef: string,
    credentials: BackstageCredentials,
  ) {
    const who = principalKey(credentials);
    const key = who && `${who}|${entityRef}`;
    let allowed = key ? decisions.get(key) : undefined;
    if (allowed === undefined) {
      const [decision] = await permissions.authorize(
        [
          {
            permission: jetstream2KubernetesWorkloadsReadPermission,
            resourceRef: entityRef,
          },
        ],
        { credentials },
      );
      allowed = decision.result === AuthorizeResult.ALLOW;
      if (key) decisions.set(key, allowed);
    }
    if (!allowed) {
      throw new NotAllowedError(
        `You are not allowed to read the Kubernetes workloads of ${entityRef}`,
      );
    }
  }

  async function loadEntity(
    ref: CompoundEntityRef,
    entityRef: string,
  ): Promise<Entity> {
    let entity = entities.get(entityRef);
    if (entity === undefined) {
      entity =
        (await catalog.getEntityByRef(ref, {
          credentials: await auth.getOwnServiceCredentials(),
        })) ?? null;
      entities.set(entityRef, entity);
    }
    if (!entity) throw new NotFoundError(`Entity ${entityRef} not found`);
    return entity;
  }

  return {
    async entityFor(ref, credentials) {
      const entityRef = stringifyEntityRef(ref);
      await authorize(entityRef, credentials);
      return { entityRef, entity: await loadEntity(ref, entityRef) };
    },
    cachedEntity: entityRef => entities.get(entityRef) ?? undefined,
  };
}
