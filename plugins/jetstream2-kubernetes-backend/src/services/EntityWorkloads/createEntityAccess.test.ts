import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { scienceApi } from '../../__testUtils__/fakeCollector';
import { createEntityAccess, principalKey } from './createEntityAccess';

const ref = { kind: 'component', namespace: 'default', name: 'science-api' };

/** Access over a catalog with science-api, where only `allowed` callers may read workloads. */
function setup(allowed: string[]) {
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockImplementation(async (_requests, options) => [
    {
      result: allowed.includes(principalKey(options!.credentials))
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    },
  ]);
  const access = createEntityAccess({
    catalog: catalogServiceMock({ entities: [scienceApi() as any] }),
    auth: mockServices.auth(),
    permissions,
    ttlMs: 30_000,
  });
  const read = (credentials: BackstageCredentials) =>
    access.entityFor(ref, credentials);
  return { access, permissions, read };
}

const alice = mockCredentials.user('user:default/alice');
const bob = mockCredentials.user('user:default/bob');

describe('createEntityAccess', () => {
  it("never hands one user's cached ALLOW to another", async () => {
    const { read, permissions } = setup(['user:user:default/alice']);
    await expect(read(alice)).resolves.toMatchObject({
      entityRef: 'component:default/science-api',
    });
    await expect(read(bob)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        'You are not allowed to read the Kubernetes workloads of component:default/science-api',
    });
    // both decisions are cached, each for its own user
    await expect(read(alice)).resolves.toBeDefined();
    await expect(read(bob)).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect(permissions.authorize).toHaveBeenCalledTimes(2);
  });

  it("never hands one user's cached DENY to another", async () => {
    const { read } = setup(['user:user:default/alice']);
    await expect(read(bob)).rejects.toMatchObject({ name: 'NotAllowedError' });
    await expect(read(alice)).resolves.toBeDefined();
  });

  it('keeps services apart from each other and from users', async () => {
    const catalogPlugin = mockCredentials.service('plugin:catalog');
    const otherPlugin = mockCredentials.service('plugin:other');
    const { read } = setup(['service:plugin:catalog']);
    await expect(read(catalogPlugin)).resolves.toBeDefined();
    await expect(read(otherPlugin)).rejects.toMatchObject({
      name: 'NotAllowedError',
    });
    await expect(read(alice)).rejects.toMatchObject({
      name: 'NotAllowedError',
    });
  });

  it('asks again once the decision is 30 s old', async () => {
    jest.useFakeTimers();
    try {
      const { read, permissions } = setup(['user:user:default/alice']);
      await read(alice);
      jest.advanceTimersByTime(29_000);
      await read(alice);
      expect(permissions.authorize).toHaveBeenCalledTimes(1);
      jest.advanceTimersByTime(2_000);
      await read(alice);
      expect(permissions.authorize).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('checks the permission before reading the entity, and says when there is none', async () => {
    const { access, read } = setup(['user:user:default/alice']);
    const missing = { ...ref, name: 'nobody' };
    await expect(access.entityFor(missing, alice)).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'Entity component:default/nobody not found',
    });
    // a denied caller learns nothing of whether the entity exists
    await expect(access.entityFor(missing, bob)).rejects.toMatchObject({
      name: 'NotAllowedError',
    });
    await expect(read(alice)).resolves.toBeDefined();
  });
});
