import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PortalPermissionPolicy } from './permissionPolicy';

const user = (ownershipEntityRefs: string[]) => ({
  identity: {
    type: 'user' as const,
    userEntityRef: 'user:default/someone',
    ownershipEntityRefs,
  },
  info: { userEntityRef: 'user:default/someone', ownershipEntityRefs },
  token: 'token',
  credentials: {} as any,
});

describe('PortalPermissionPolicy', () => {
  const policy = new PortalPermissionPolicy();

  it('lets signed-in users read cluster data', async () => {
    const decision = await policy.handle(
      {
        permission: {
          type: 'basic',
          name: 'jetstream2-kubernetes.clusters.read',
          attributes: { action: 'read' },
        },
      },
      user(['user:default/someone']) as any,
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });

  it('lets only the platform team unregister entities', async () => {
    const permission = {
      type: 'resource' as const,
      name: 'catalog.entity.delete',
      attributes: { action: 'delete' as const },
      resourceType: 'catalog-entity',
    };
    await expect(
      policy.handle({ permission }, user(['group:default/platform-team']) as any),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      policy.handle({ permission }, user(['group:default/data-science']) as any),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
    await expect(policy.handle({ permission })).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });
});
