import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';

/**
 * What the deploy actions ask the catalog, with the scaffolder's own service credentials: the portal's
 * policy lets a researcher register nothing directly (POST /locations is platform-team only), so a
 * template registers on their behalf after the action has checked who they are and what they register.
 */
export interface PortalCatalog {
  /** Refs of the entities whose `backstage.io/kubernetes-id` annotation is this id. */
  entitiesWithKubernetesId(id: string): Promise<string[]>;
  /** Registers a catalog-info.yaml URL; the refs of the entities it holds. */
  registerLocation(target: string): Promise<string[]>;
}

interface EntityHead {
  kind: string;
  metadata: { name: string; namespace?: string };
}

const refOf = (e: EntityHead) =>
  `${e.kind.toLocaleLowerCase('en-US')}:${e.metadata.namespace ?? 'default'}/${
    e.metadata.name
  }`;

async function failure(res: Response): Promise<string> {
  const text = await res.text();
  try {
    const body = JSON.parse(text);
    return String(body?.error?.message ?? body?.message ?? text);
  } catch {
    return text.slice(0, 300) || `HTTP ${res.status}`;
  }
}

/** The catalog over its REST API, as the scaffolder (never as the user). */
export function createPortalCatalog(deps: {
  discovery: DiscoveryService;
  auth: AuthService;
}): PortalCatalog {
  const call = async (path: string, init: RequestInit = {}) => {
    const { token } = await deps.auth.getPluginRequestToken({
      onBehalfOf: await deps.auth.getOwnServiceCredentials(),
      targetPluginId: 'catalog',
    });
    const base = await deps.discovery.getBaseUrl('catalog');
    return fetch(`${base}${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
    });
  };
  return {
    async entitiesWithKubernetesId(id) {
      const filter = encodeURIComponent(
        `metadata.annotations.backstage.io/kubernetes-id=${id}`,
      );
      const res = await call(
        `/entities/by-query?filter=${filter}&fields=kind,metadata.name,metadata.namespace`,
      );
      if (!res.ok) {
        throw new Error(
          `The catalog could not be asked which entities use kubernetes-id "${id}": ${await failure(
            res,
          )}`,
        );
      }
      const body = (await res.json()) as { items: EntityHead[] };
      return body.items.map(refOf);
    },
    async registerLocation(target) {
      const res = await call('/locations', {
        method: 'POST',
        body: JSON.stringify({ type: 'url', target }),
      });
      if (res.status === 409) {
        throw new ConflictError(
          `${target} is already registered in the catalog. A platform team member unregisters its entity first (its page: ⋮ → Unregister entity), then run the template again.`,
        );
      }
      if (res.status === 400) {
        throw new InputError(
          `The catalog refused ${target}: ${await failure(res)}`,
        );
      }
      if (!res.ok) {
        throw new Error(
          `The catalog did not register ${target} (HTTP ${
            res.status
          }): ${await failure(res)}`,
        );
      }
      const body = (await res.json()) as { entities: EntityHead[] };
      return body.entities.map(refOf);
    },
  };
}
