import { createBackend } from '@backstage/backend-defaults';
import { searchModuleJetstream2Kubernetes } from '@internal/plugin-jetstream2-kubernetes-backend';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// Auth: the guest provider for development.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// Catalog, with the Template kind for the scaffolder.
backend.add(import('@backstage/plugin-catalog-backend'));
// ... and OpenID Connect (ACCESS) for production: users must be catalog Users (src/auth/).
backend.add(import('./auth/oidcModule'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);

// Scaffolder, with the Jetstream2 cluster actions.
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@internal/plugin-scaffolder-backend-module-jetstream2'));

// Permissions, decided by this portal's own policy (src/permissionPolicy.ts).
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissionPolicy'));

// Search with the default in-memory (Lunr) engine and the catalog collator.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
// ... and the Jetstream2 guides and concepts.
backend.add(searchModuleJetstream2Kubernetes);

// Kubernetes: upstream plugin, and the Jetstream2 collector, guides and insights.
backend.add(import('@backstage/plugin-kubernetes-backend'));
backend.add(import('@internal/plugin-jetstream2-kubernetes-backend'));

backend.start();
