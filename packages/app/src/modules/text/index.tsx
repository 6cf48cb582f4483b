import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { AppRootWrapperBlueprint } from '@backstage/plugin-app-react';
import { makeStyles } from '@material-ui/core';
import type { ReactNode } from 'react';

/**
 * Backstage's theme lets every table cell break a word anywhere (`word-break: break-word`), which cuts
 * names in the catalog at 1024 px ("Binde rHub", "Scien ce API"). Cells wrap between words here; only a
 * word longer than its whole column still breaks.
 */
const useWordsWhole = makeStyles({
  '@global': {
    '.MuiTableCell-root.MuiTableCell-root': {
      wordBreak: 'normal',
      overflowWrap: 'break-word',
    },
  },
});

const WordsWhole = ({ children }: { children: ReactNode }) => {
  useWordsWhole();
  return <>{children}</>;
};

const wordsWhole = AppRootWrapperBlueprint.make({
  name: 'words-whole',
  params: { component: WordsWhole },
});

export const textModule = createFrontendModule({
  pluginId: 'app',
  extensions: [wordsWhole],
});
