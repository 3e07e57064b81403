/**
 * PyYAML (which wrote, or read, every KFP pipeline) accepts a multi-line quoted string
 * whose continuation lines sit at the same column as the `- ` of their list item:
 *
 *     command:
 *       - "first line\
 *       \ continued"
 *
 * The `yaml` package reads that as an unterminated quote. The continuation lines' leading
 * spaces are not part of the value (YAML folds them away), so indenting them past the
 * opening quote reads the same value the way PyYAML does. The KFP corpus has such files.
 */
import type { CST } from 'yaml';

/** Where the first quoted scalar without its closing quote starts, in document order. */
export function firstUnterminatedQuote(tokens: CST.Token[]): number | undefined {
  let first: number | undefined;
  const pending: (CST.Token | null | undefined)[] = [...tokens];
  while (pending.length > 0) {
    const token = pending.pop();
    if (!token) continue;
    if (token.type === 'document') pending.push(token.value);
    else if ('items' in token) {
      const items: { key?: CST.Token | null; value?: CST.Token }[] = token.items;
      for (const item of items) pending.push(item.key, item.value);
    } else if (isUnterminated(token) && (first === undefined || token.offset < first)) {
      first = token.offset;
    }
  }
  return first;
}

/**
 * `text` with the continuation lines of the quoted scalar at `offset` indented one column
 * past its opening quote, or undefined when the scalar has no closing quote at all.
 */
export function reindentQuotedScalar(text: string, offset: number): string | undefined {
  const end = closingQuote(text, offset);
  if (end === undefined) return undefined;
  const column = offset - (text.lastIndexOf('\n', offset) + 1);
  const scalar = text
    .slice(offset, end + 1)
    .replace(/\n[ \t]*(?=\S)/g, `\n${' '.repeat(column + 1)}`);
  return text.slice(0, offset) + scalar + text.slice(end + 1);
}

function isUnterminated(token: CST.Token): boolean {
  const quoted = token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar';
  return quoted && closingQuote(token.source, 0) !== token.source.length - 1;
}

/** The index of the quote closing the one at `start` (`''` escapes in single quotes, `\` in double). */
function closingQuote(text: string, start: number): number | undefined {
  const quote = text[start];
  for (let at = start + 1; at < text.length; at++) {
    const char = text[at];
    if (quote === '"' && char === '\\') at++;
    else if (char === quote) {
      if (quote === "'" && text[at + 1] === "'") at++;
      else return at;
    }
  }
  return undefined;
}
