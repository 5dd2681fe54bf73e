/**
 * Delimiter detection among `,` `;` tab `|`: the candidate that splits the first lines into the same
 * number (> 1) of fields wins; ties go to the one with the most fields, then to the order above.
 * Leading lines with no delimiter (title lines above the header) are passed over.
 */
import { UsageError } from '../errors';
import { quote } from '../messages';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
const SAMPLE_LINES = 20;

export function parseDelimiterOption(text: string): string {
  const named: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', '\\t': '\t', pipe: '|' };
  const delimiter = named[text.toLowerCase()] ?? text;
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new UsageError(`--delimiter: expected one character such as , ; | or "tab", got ${quote(text)}`);
  }
  return delimiter;
}

/** Field counts per line for one delimiter, ignoring delimiters inside quotes. */
function fieldCounts(text: string, delimiter: string): number[] {
  const counts: number[] = [];
  let fields = 1;
  let quoted = false;
  let lineHasText = false;
  for (let i = 0; i < text.length && counts.length < SAMPLE_LINES; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) fields++;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (lineHasText) counts.push(fields);
      fields = 1;
      lineHasText = false;
      continue;
    }
    lineHasText = true;
  }
  if (lineHasText && counts.length < SAMPLE_LINES) counts.push(fields);
  return counts;
}

export function sniffDelimiter(head: string): string {
  let best: string = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    // Title lines above the header (one field: no delimiter in them) are not the table.
    const all = fieldCounts(head, delimiter);
    const counts = all.slice(
      Math.max(
        0,
        all.findIndex((c) => c > 1),
      ),
    );
    if (counts.length === 0 || counts[0] < 2) continue;
    const consistent = counts.filter((c) => c === counts[0]).length;
    // Lines agreeing with the header weigh most; more fields breaks ties.
    const score = consistent * 1000 + counts[0];
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

export function describeDelimiter(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : `'${delimiter}'`;
}
