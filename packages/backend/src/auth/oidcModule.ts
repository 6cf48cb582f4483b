import { createBackendModule } from '@backstage/backend-plugin-api';
import { oidcAuthenticator } from '@backstage/plugin-auth-backend-module-oidc-provider';
import {
  authProvidersExtensionPoint,
  createOAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { catalogUserSignInResolver } from './catalogUserSignInResolver';

/**
 * OpenID Connect sign-in (an ACCESS-style identity provider) with the portal's own resolver: users must
 * be catalog Users. Configured under `auth.providers.oidc.<environment>` (see app-config.oidc.yaml); a
 * `signIn.resolvers` list there would replace this resolver.
 */
export default createBackendModule({
  pluginId: 'auth',
  moduleId: 'oidc-provider',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'oidc',
          factory: createOAuthProviderFactory({
            authenticator: oidcAuthenticator,
            signInResolver: catalogUserSignInResolver,
          }),
        });
      },
    });
  },
});
