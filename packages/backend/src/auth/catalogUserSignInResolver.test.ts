import { NotFoundError } from '@backstage/errors';
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

const info = (profile: { email?: string }, preferred_username?: string) =>
  ({
    profile,
    result: {
      fullProfile: { userinfo: { sub: 'x', preferred_username }, tokenset: {} },
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
