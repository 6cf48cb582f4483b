/**
 * Splits a text into lines of at most `max` characters for an SVG label (SVG text does not wrap): between
 * words, or after a hyphen inside a Kubernetes name ("trainer-large-" / "dc69f6bdd-zccf8"), never inside
 * a word. A word longer than a line keeps a line of its own. At most `maxLines` lines; the last one ends
 * with "…" when the text is longer.
 */
export function wrapText(text: string, max: number, maxLines = 3): string[] {
  // pieces that may end a line: words (with their following space dropped) and hyphen-ended parts
  const pieces = text.match(/[^\s-]+-|[^\s-]+|-/g) ?? [];
  const lines: string[] = [];
  let line = '';
  let spaceBefore = false;
  const spaces = text.split('').map(c => /\s/.test(c));
  let at = 0;
  for (const piece of pieces) {
    const start = text.indexOf(piece, at);
    spaceBefore = start > 0 && spaces[start - 1];
    at = start + piece.length;
    const joined = line ? `${line}${spaceBefore ? ' ' : ''}${piece}` : piece;
    if (joined.length <= max || !line) {
      line = joined;
    } else {
      lines.push(line);
      line = piece;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1].replace(/[\s-]+$/, '')}…`;
  return kept;
}
