import { createBackend } from '@backstage/backend-defaults';
import {
  kubernetesModuleJetstream2Cache,
  searchModuleJetstream2Kubernetes,
} from '@internal/plugin-jetstream2-kubernetes-backend';

const backend = createBackend();

// Start-up checks (database, cluster tokens, URLs): one clear line and exit on a bad setting.
backend.add(import('./preflight'));

backend.add(import('@backstage/plugin-app-backend'));

// Auth: the guest provider for development.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// ... and OpenID Connect (ACCESS) for production: users must be catalog Users (src/auth/).
backend.add(import('./auth/oidcModule'));

// Catalog, with the Template kind for the scaffolder.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);

// Scaffolder, with the Jetstream2 cluster actions and publish:gitea (the local Git host of `npm start`, or
// any Gitea in integrations.gitea). catalog:register is built in.
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-gitea'));
backend.add(import('@internal/plugin-scaffolder-backend-module-jetstream2'));

// Permissions, decided by this portal's own policy (src/permissionPolicy.ts).
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissionPolicy'));

// Search with the default in-memory (Lunr) engine and the catalog collator.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
// ... and the Jetstream2 guides and concepts.
backend.add(searchModuleJetstream2Kubernetes);

// Kubernetes: upstream plugin, served from the Jetstream2 collector's cache (one data path), and the
// Jetstream2 collector, guides and insights.
backend.add(import('@backstage/plugin-kubernetes-backend'));
backend.add(kubernetesModuleJetstream2Cache);
backend.add(import('@internal/plugin-jetstream2-kubernetes-backend'));

// Signals: the pages hear of changes to what they show (a version, never data) and refetch.
backend.add(import('@backstage/plugin-signals-backend'));

// Notifications: the bell in the sidebar; our backend tells owning groups of failing services and short
// allocation runways through it.
backend.add(import('@backstage/plugin-notifications-backend'));

backend.start();
