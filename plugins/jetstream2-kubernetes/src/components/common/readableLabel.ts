import { makeStyles } from '@material-ui/core';

/**
 * Outlined field labels sit on the page's grey background, where the theme's secondary text colour falls
 * short of WCAG contrast (4.5:1): our filters use the primary text colour instead.
 */
export const useReadableLabel = makeStyles(theme => ({
  label: { color: theme.palette.text.primary },
}));
