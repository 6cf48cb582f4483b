import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { oidcAuthApi } from './oidcAuthApi';

export { oidcAuthApiRef } from './oidcAuthApiRef';

/** Replaces the app's guest-only sign-in page (`sign-in-page:app`) with ACCESS (OIDC) and guest. */
const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => {
      const { PortalSignInPage } = await import('./PortalSignInPage');
      return PortalSignInPage;
    },
  },
});

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage, oidcAuthApi],
});
