import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useAllocation } from '../../hooks';
import { AllocationView } from './AllocationView';

/** The allocation tab of an allocation Resource: its runway, burn history, spenders and idle capacity. */
export const AllocationPage = () => {
  const { entity } = useEntity();
  const { value, error, loading } = useAllocation({
    namespace: entity.metadata.namespace,
    name: entity.metadata.name,
  });
  if (loading && !value) return <Progress />;
  if (error && !value) {
    return (
      <ResponseErrorPanel
        error={error}
        title="Could not load this allocation"
      />
    );
  }
  return value ? <AllocationView allocation={value} /> : null;
};
