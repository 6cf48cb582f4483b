import { InfoCard, Link } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import type { EntityWorkloadsResponse } from '@internal/plugin-jetstream2-kubernetes-common';
import { guideTitle } from '../common/catalogue';
import { usePluginLinks } from '../common/links';

const sourceText: Record<string, string> = {
  'kubernetes-id': 'the backstage.io/kubernetes-id annotation',
  'label-selector': 'the backstage.io/kubernetes-label-selector annotation',
  'entity-name': 'the entity’s name',
};

/** Says why an annotated entity shows no objects: the selector, the clusters searched, the failures. */
export const NoWorkloadsPanel = ({
  data,
}: {
  data: EntityWorkloadsResponse;
}) => {
  const links = usePluginLinks();
  const selector = data.selector;
  const searched = data.clustersSearched ?? [];
  const failed = (data.clusters ?? []).filter(
    c => c.status === 'error' || c.error,
  );
  return (
    <InfoCard title="No Kubernetes objects found for this entity">
      <Typography variant="body1" gutterBottom>
        The portal looked for objects labelled{' '}
        <code>{selector?.labelSelector || 'no selector'}</code>
        {selector?.source && (
          <> (from {sourceText[selector.source] ?? selector.source})</>
        )}
        {selector?.namespace ? (
          <>
            {' '}
            in namespace <code>{selector.namespace}</code>
          </>
        ) : (
          ' in every namespace'
        )}
        .
      </Typography>
      <Typography variant="body1" gutterBottom>
        {searched.length > 0 ? (
          <>Clusters searched: {searched.join(', ')}.</>
        ) : (
          <>
            No cluster is configured in the portal, so there was nowhere to
            look.
          </>
        )}
      </Typography>
      {failed.length > 0 && (
        <Typography variant="body1" gutterBottom>
          Answered with an error:{' '}
          {failed
            .map(
              c =>
                `${c.cluster}${c.error?.reason ? ` (${c.error.reason})` : ''}`,
            )
            .join(', ')}
          . Their details are shown above.
        </Typography>
      )}
      <Typography variant="body2" color="textSecondary">
        Objects are found by their labels: the pod template of a Deployment must
        carry the same label as the selector above. The guide{' '}
        <Link to={links.guide('k8s-manage-apps')}>
          {guideTitle('k8s-manage-apps')}
        </Link>{' '}
        explains labels, Deployments and Services;{' '}
        <Link to={links.concept('labels-selectors')}>labels and selectors</Link>{' '}
        has the short version.
      </Typography>
    </InfoCard>
  );
};
