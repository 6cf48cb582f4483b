import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { PLATFORM_TEAM } from '../permissionPolicy';

/** Groups of the mock users, as the catalog would resolve them at sign-in (catalog/org.yaml). */
export const TEST_USER_GROUPS: Record<string, string[]> = {
  'user:default/avery': [PLATFORM_TEAM],
  'user:default/blake': ['group:default/data-science'],
  'user:default/casey': ['group:default/science-gateways'],
};

/** A userInfo service that answers each mock user's ownership refs: the user and its groups. */
export const userInfoFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials) {
      const principal = credentials.principal as { userEntityRef?: string };
      if (!principal.userEntityRef) {
        throw new Error('userInfo asked for a principal that is not a user');
      }
      const ref = principal.userEntityRef;
      return {
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...(TEST_USER_GROUPS[ref] ?? [])],
      };
    },
  }),
});
