import { CodeSnippet, EmptyState, Link } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import { guideTitle } from '../common/catalogue';
import { usePluginLinks } from '../common/links';

const example = `metadata:
  annotations:
    backstage.io/kubernetes-id: my-service`;

/** Shown for an entity that does not say where its workloads run. */
export const MissingAnnotation = () => {
  const links = usePluginLinks();
  return (
    <EmptyState
      missing="info"
      title="This entity is not linked to Kubernetes workloads"
      description="Add the backstage.io/kubernetes-id annotation to its catalog-info.yaml, and the same value as the label backstage.io/kubernetes-id on its Deployments, Services and pod templates. The portal then shows its live objects here, across every cluster."
      action={
        <>
          <CodeSnippet language="yaml" text={example} showCopyCodeButton />
          <Typography variant="body2" style={{ marginTop: 12 }}>
            New to this? Read what a <Link to={links.concept('pod')}>Pod</Link>{' '}
            is, and the guide{' '}
            <Link to={links.guide('k8s-manage-apps')}>
              {guideTitle('k8s-manage-apps')}
            </Link>
            .
          </Typography>
        </>
      }
    />
  );
};
