import { InfoCard, Link } from '@backstage/core-components';
import {
  makeStyles,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  Typography,
} from '@material-ui/core';
import type { GuideRecommendation } from '@internal/plugin-jetstream2-kubernetes-common';
import { getGuide } from '../common/catalogue';
import { templateLink, usePluginLinks } from '../common/links';
import { SeverityIcon } from '../common/SeverityIcon';

const FALLBACK_GUIDE = 'k8s-manage-apps';

const useStyles = makeStyles(theme => ({
  why: {
    margin: theme.spacing(0.25, 0),
    '& > summary': { cursor: 'pointer' },
    '& p': { margin: theme.spacing(0.5, 0) },
  },
}));

/** The guides chosen for this entity, each with the reason it was chosen. */
export const RecommendedGuides = ({
  recommendations,
}: {
  recommendations: GuideRecommendation[];
}) => {
  const links = usePluginLinks();
  const classes = useStyles();
  if (recommendations.length === 0) {
    const fallback = getGuide(FALLBACK_GUIDE);
    return (
      <InfoCard title="Recommended guides">
        <Typography variant="body2">
          Nothing in the live data needs attention right now.{' '}
          {fallback && (
            <>
              To learn how these objects fit together, read{' '}
              <Link to={links.guide(fallback.id)}>{fallback.title}</Link>.
            </>
          )}
        </Typography>
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title="Recommended guides"
      subheader="Each for a problem or fact in this service's live objects"
    >
      <List dense disablePadding style={{ overflowWrap: 'break-word' }}>
        {recommendations.map(rec => {
          const guide = getGuide(rec.guideId);
          const title = guide?.title ?? rec.guideId;
          const template = guide?.templateRef
            ? templateLink(guide.templateRef)
            : undefined;
          const reasons = rec.reasons ?? [];
          // the problems it answers, named before the guide (older backends send none)
          const problems = rec.problems ?? [];
          return (
            <ListItem key={rec.guideId} alignItems="flex-start" disableGutters>
              <ListItemIcon style={{ minWidth: 32, marginTop: 4 }}>
                <SeverityIcon severity={rec.severity} />
              </ListItemIcon>
              <ListItemText
                disableTypography
                // the app's theme makes list texts one line; titles and reasons wrap inside the card here
                style={{
                  minWidth: 0,
                  whiteSpace: 'normal',
                  overflow: 'visible',
                }}
                primary={
                  <>
                    {problems.length > 0 && (
                      <Typography variant="body2" component="p">
                        <strong>For: </strong>
                        {problems.join('; ')}
                      </Typography>
                    )}
                    <Typography variant="subtitle2" component="h3">
                      <Link to={links.guide(rec.guideId)}>{title}</Link>
                    </Typography>
                  </>
                }
                secondary={
                  <>
                    {reasons.length > 0 && (
                      // the why is one click away: the tab's summary already names each problem
                      <details className={classes.why}>
                        <summary>
                          <Typography variant="caption">
                            Why this guide
                          </Typography>
                        </summary>
                        {reasons.map(reason => (
                          <Typography
                            key={reason}
                            variant="body2"
                            color="textSecondary"
                            component="p"
                          >
                            {reason}
                          </Typography>
                        ))}
                      </details>
                    )}
                    <Typography variant="caption" component="div">
                      {guide?.url && (
                        <Link to={guide.url}>Read the original guide</Link>
                      )}
                      {template && (
                        <>
                          {guide?.url && ' · '}
                          <Link to={template}>Use the template</Link>
                        </>
                      )}
                    </Typography>
                  </>
                }
              />
            </ListItem>
          );
        })}
      </List>
    </InfoCard>
  );
};
