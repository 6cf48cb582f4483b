import { NotFoundError } from '@backstage/errors';
import { oidcAuthenticator } from '@backstage/plugin-auth-backend-module-oidc-provider';
import { AuthResolverContext } from '@backstage/plugin-auth-node';
import {
  ACCESS_USERNAME_ANNOTATION,
  catalogUserSignInResolver,
} from './catalogUserSignInResolver';

const signedIn = { token: 'backstage-token' };

/** A resolver context whose catalog knows one user, Blake, by email and by ACCESS username. */
function context() {
  const signInWithCatalogUser = jest.fn(async (query: any) => {
    if (query.filter?.['spec.profile.email'] === 'blake@example.org') {
      return signedIn;
    }
    if (query.annotations?.[ACCESS_USERNAME_ANNOTATION] === 'brivera') {
      return signedIn;
    }
    throw new NotFoundError('User not found');
  });
  return {
    ctx: { signInWithCatalogUser } as unknown as AuthResolverContext,
    signInWithCatalogUser,
  };
}

/** What the identity provider says of the person: the OpenID Connect userinfo claims. */
interface Claims {
  email?: string;
  email_verified?: boolean;
  preferred_username?: string;
}

/**
 * The sign-in info as the oidc provider hands it to the resolver: the profile made by upstream's own
 * profile transform (which keeps the email only when `email_verified` is true) from the claims.
 */
async function signInInfo(claims: Claims) {
  const result = {
    fullProfile: { userinfo: { sub: 'x', ...claims }, tokenset: {} },
    session: {},
  } as any;
  const { profile } = await oidcAuthenticator.defaultProfileTransform(
    result,
    {} as any,
  );
  return { profile, result } as any;
}

/** A verified identity, by email and/or ACCESS username. */
const info = (profile: { email?: string }, preferred_username?: string) =>
  ({
    profile,
    result: {
      fullProfile: {
        userinfo: {
          sub: 'x',
          preferred_username,
          ...(profile.email
            ? { email: profile.email, email_verified: true }
            : {}),
        },
        tokenset: {},
      },
      session: {},
    },
  } as any);

describe('catalogUserSignInResolver', () => {
  it('signs in the catalog user with the verified email', async () => {
    const { ctx, signInWithCatalogUser } = context();
    await expect(
      catalogUserSignInResolver(info({ email: 'blake@example.org' }), ctx),
    ).resolves.toBe(signedIn);
    expect(signInWithCatalogUser).toHaveBeenCalledWith({
      filter: { 'spec.profile.email': 'blake@example.org' },
    });
  });

  it('falls back to the ACCESS username annotation, never to the entity name', async () => {
    const { ctx, signInWithCatalogUser } = context();
    await expect(
      catalogUserSignInResolver(info({}, 'brivera'), ctx),
    ).resolves.toBe(signedIn);
    expect(signInWithCatalogUser).toHaveBeenCalledWith({
      annotations: { [ACCESS_USERNAME_ANNOTATION]: 'brivera' },
    });
    await expect(
      catalogUserSignInResolver(info({}, 'guest'), ctx),
    ).rejects.toThrow(/no user of this portal has the ACCESS username guest/);
  });

  it('refuses a person the catalog does not know, saying what to do', async () => {
    const { ctx } = context();
    const refused = catalogUserSignInResolver(
      info({ email: 'stranger@example.org' }, 'stranger'),
      ctx,
    );
    await expect(refused).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        'Sign-in refused: no user of this portal has the email stranger@example.org or the ACCESS ' +
        'username stranger. Ask the platform team to add you to the catalog (catalog/org.yaml).',
    });
  });

  it('refuses an identity without a verified email or username', async () => {
    const { ctx } = context();
    await expect(catalogUserSignInResolver(info({}), ctx)).rejects.toThrow(
      /neither a verified email nor a preferred_username/,
    );
  });

  it('refuses an unverified email, though a catalog user has it', async () => {
    const { ctx, signInWithCatalogUser } = context();
    const unverified = await signInInfo({
      email: 'blake@example.org',
      email_verified: false,
    });
    await expect(
      catalogUserSignInResolver(unverified, ctx),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining(
        'The identity provider has not verified your email blake@example.org',
      ),
    });
    // ... and with a username it is the username alone that may sign the person in
    await expect(
      catalogUserSignInResolver(
        await signInInfo({
          email: 'blake@example.org',
          preferred_username: 'stranger',
        }),
        ctx,
      ),
    ).rejects.toThrow(
      /no user of this portal has the ACCESS username stranger\./,
    );
    expect(signInWithCatalogUser).not.toHaveBeenCalledWith({
      filter: { 'spec.profile.email': 'blake@example.org' },
    });

    // a verified one signs in, through the same profile transform
    await expect(
      catalogUserSignInResolver(
        await signInInfo({ email: 'blake@example.org', email_verified: true }),
        ctx,
      ),
    ).resolves.toBe(signedIn);
  });

  it('refuses an unverified email even when a custom profile transform put it in the profile', async () => {
    const { ctx, signInWithCatalogUser } = context();
    const custom = await signInInfo({
      email: 'blake@example.org',
      email_verified: false,
    });
    custom.profile = { email: 'blake@example.org' };
    await expect(catalogUserSignInResolver(custom, ctx)).rejects.toThrow(
      /neither a verified email nor a preferred_username/,
    );
    expect(signInWithCatalogUser).not.toHaveBeenCalled();
  });

  it('passes on errors other than a missing user', async () => {
    const ctx = {
      signInWithCatalogUser: jest.fn(async () => {
        throw new Error('catalog unavailable');
      }),
    } as unknown as AuthResolverContext;
    await expect(
      catalogUserSignInResolver(info({ email: 'blake@example.org' }), ctx),
    ).rejects.toThrow('catalog unavailable');
  });
});
