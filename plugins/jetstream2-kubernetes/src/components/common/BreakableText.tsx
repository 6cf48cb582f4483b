import { Fragment } from 'react';

// Long machine words (object names, paths, UUIDs) may break after these, never inside a word.
const BREAK_AFTER = /([/_.:,=()[\]]+)/;
const LONG = 20;

/**
 * Text whose long machine tokens ("pod/worker-7876b9f7d5-tsh5g_science(03528d9e-...)") may wrap after
 * their punctuation, so that a narrow column wraps them there instead of breaking a word or scrolling.
 * Ordinary words are left alone: they wrap between words.
 */
export const BreakableText = ({ text }: { text: string }) => (
  <>
    {text.split(/(\s+)/).map((token, i) =>
      token.length <= LONG ? (
        <Fragment key={i}>{token}</Fragment>
      ) : (
        <Fragment key={i}>
          {token.split(BREAK_AFTER).map((part, j) =>
            BREAK_AFTER.test(part) ? (
              <Fragment key={j}>
                {part}
                <wbr />
              </Fragment>
            ) : (
              <Fragment key={j}>{part}</Fragment>
            ),
          )}
        </Fragment>
      ),
    )}
  </>
);
