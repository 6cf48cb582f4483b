import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { AllocationRunwayList } from './AllocationRunwayList';

/** The runway of each allocation the signed-in user's groups own (nothing when they own none). */
export const YourAllocations = () => {
  const identityApi = useApi(identityApiRef);
  const { value: owners } = useAsync(
    async () => (await identityApi.getBackstageIdentity()).ownershipEntityRefs,
    [identityApi],
  );
  if (!owners || owners.length === 0) return null;
  return (
    <section aria-label="Your allocations' runway">
      <Typography variant="subtitle2" component="h3">
        Your allocations
      </Typography>
      <AllocationRunwayList owners={owners} label="Your allocations" />
    </section>
  );
};
