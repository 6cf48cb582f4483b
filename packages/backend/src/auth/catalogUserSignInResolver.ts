import { NotAllowedError } from '@backstage/errors';
import type { OidcAuthResult } from '@backstage/plugin-auth-backend-module-oidc-provider';
import {
  AuthResolverCatalogUserQuery,
  AuthResolverContext,
  BackstageSignInResult,
  OAuthAuthenticatorResult,
  SignInInfo,
} from '@backstage/plugin-auth-node';

/**
 * The annotation on a catalog User that names its ACCESS username, for identity providers that send no
 * verified email.
 */
export const ACCESS_USERNAME_ANNOTATION = 'access-ci.org/username';

type OidcSignInInfo = SignInInfo<OAuthAuthenticatorResult<OidcAuthResult>>;

/**
 * Maps an OpenID Connect user to a catalog User, and refuses everyone else.
 *
 * 1. By verified email (the `email` claim with `email_verified: true`) to `spec.profile.email`. Upstream's
 *    profile transform leaves an unverified email out of the profile; this resolver checks the claim
 *    itself too, so a custom transform cannot let an unverified email through.
 * 2. Else by `preferred_username` to the User annotated `access-ci.org/username: <name>`: an explicit
 *    mapping, never a guess from the entity name (an IdP user named "guest" must not become the guest).
 *
 * The user's groups, and so what the permission policy lets it do, come from the catalog User's
 * `memberOf`. A person the catalog does not know is refused with a message saying what to do.
 */
export async function catalogUserSignInResolver(
  info: OidcSignInInfo,
  ctx: AuthResolverContext,
): Promise<BackstageSignInResult> {
  const userinfo = info.result.fullProfile?.userinfo;
  const email =
    userinfo?.email_verified === true ? info.profile.email : undefined;
  const username = userinfo?.preferred_username;
  const unverified =
    !email &&
    typeof userinfo?.email === 'string' &&
    userinfo.email_verified !== true
      ? ` The identity provider has not verified your email ${userinfo.email}; verify it there to sign in with it.`
      : '';

  const attempts: Array<{ query: AuthResolverCatalogUserQuery; what: string }> =
    [];
  if (email) {
    attempts.push({
      query: { filter: { 'spec.profile.email': email } },
      what: `the email ${email}`,
    });
  }
  if (username) {
    attempts.push({
      query: { annotations: { [ACCESS_USERNAME_ANNOTATION]: username } },
      what: `the ACCESS username ${username}`,
    });
  }
  if (attempts.length === 0) {
    throw new NotAllowedError(
      'Sign-in refused: the identity provider sent neither a verified email nor a preferred_username, ' +
        `so this portal cannot tell who you are.${unverified}`,
    );
  }

  for (const { query } of attempts) {
    try {
      return await ctx.signInWithCatalogUser(query);
    } catch (error) {
      if ((error as Error)?.name !== 'NotFoundError') {
        throw error;
      }
    }
  }
  throw new NotAllowedError(
    `Sign-in refused: no user of this portal has ${attempts
      .map(a => a.what)
      .join(
        ' or ',
      )}. Ask the platform team to add you to the catalog (catalog/org.yaml).${unverified}`,
  );
}
