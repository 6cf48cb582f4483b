import { InfoCard } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { AllocationRunwayList } from '../AllocationRunway';

/** On a group's page: the Jetstream2 allocations it owns, with how long each lasts. */
export const GroupAllocationsCard = () => {
  const { entity } = useEntity();
  const ref = stringifyEntityRef(entity);
  return (
    <InfoCard
      title="Jetstream2 allocations"
      subheader="How long each balance lasts at the recent burn"
    >
      <AllocationRunwayList
        owners={[ref]}
        label={`Allocations of ${
          entity.metadata.title ?? entity.metadata.name
        }`}
        emptyText="This group owns no Jetstream2 allocation in the catalog (a Resource with spec.type jetstream2-allocation)."
      />
    </InfoCard>
  );
};
