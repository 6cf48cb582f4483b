import { SignInPage, SignInProviderConfig } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import type { SignInPageProps } from '@backstage/plugin-app-react';
import { oidcAuthApiRef } from './oidcAuthApiRef';

export const oidcProvider: SignInProviderConfig = {
  id: 'oidc-auth-provider',
  title: 'ACCESS',
  message: 'Sign in with your ACCESS identity (OpenID Connect)',
  apiRef: oidcAuthApiRef,
};

/**
 * The sign-in page: ACCESS through OpenID Connect, and the guest as well unless `auth.environment` is
 * `production` (app-config.oidc.yaml sets it; the backend refuses the guest outside development anyway).
 */
export function PortalSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  const production =
    config.getOptionalString('auth.environment') === 'production';
  return (
    <SignInPage
      {...props}
      title="Jetstream2 Kubernetes Portal"
      align="center"
      providers={production ? [oidcProvider] : ['guest', oidcProvider]}
    />
  );
}
