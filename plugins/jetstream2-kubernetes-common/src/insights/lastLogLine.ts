// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const ERROR =
  /(error|exception|fatal|panic|failed|failure|refused|denied|cannot|can't|unable|killed|no such|not found|timed? ?out)/i;
// lines that say an error is coming, not what it is: a stack frame, a traceback header
const FRAME =
  /^\s*(traceback \(most recent call last\)|during handling of the above|the above exception|at [\w$.<>]+ ?\(|file ".*", line \d+|\.\.\. \d+ more|goroutine \d+)/i;
const MAX = 400;

/** A log line to show as evidence, and whether it reads as an error. */
export interface LogLine {
  text: string;
  error: boolean;
}

/**
 * The line of a log that best says why the program stopped: the last line that reads as an error (not a
 * stack frame or a traceback header), else the last line that is not empty. Colour codes are removed and
 * a very long line is cut.
 */
export function lastLogLine(log: string): LogLine | undefined {
  const lines = log
    .replace(ANSI, '')
    .split(/\r?\n/)
    .map(l => l.trimEnd())
    .filter(l => l.trim().length > 0);
  if (lines.length === 0) return undefined;
  const cut = (text: string) =>
    text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (ERROR.test(lines[i]) && !FRAME.test(lines[i]))
      return { text: cut(lines[i].trim()), error: true };
  }
  return { text: cut(lines[lines.length - 1].trim()), error: false };
}
