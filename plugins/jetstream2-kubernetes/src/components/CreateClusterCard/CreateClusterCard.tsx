import { InfoCard, Link, Progress } from '@backstage/core-components';
import { List, ListItem, ListItemText, Typography } from '@material-ui/core';
import { useTemplates } from '../../hooks';
import { templateLink } from '../common/links';

/** "Create a cluster": the scaffolder templates, each linked to its form. */
export const CreateClusterCard = () => {
  const { value, loading, error } = useTemplates();
  return (
    <InfoCard
      title="Create a cluster"
      subheader="Plan a Magnum or Kubespray cluster, or deploy a service, from a template"
      deepLink={{ title: 'All templates', link: '/create' }}
    >
      {loading && <Progress />}
      {error && (
        <Typography variant="body2">
          The template list could not be loaded ({error.message}); every
          template is on the <Link to="/create">Create page</Link>.
        </Typography>
      )}
      {!loading && !error && (value ?? []).length === 0 && (
        <Typography variant="body2">
          No cluster template is registered; see the{' '}
          <Link to="/create">Create page</Link>.
        </Typography>
      )}
      {(value ?? []).length > 0 && (
        <List dense disablePadding>
          {(value ?? []).map(t => (
            <ListItem key={t.entityRef || t.name} disableGutters>
              <ListItemText
                primary={
                  <Link
                    to={
                      templateLink(
                        t.entityRef || `template:default/${t.name}`,
                      ) ?? '/create'
                    }
                  >
                    {t.title || t.name}
                  </Link>
                }
                secondary={t.description}
              />
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
};
