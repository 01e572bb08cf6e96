import { VIETNAMESE } from '../expect';

// The refusal itself: whether an answer of tests/api/bad-input.test.ts is worded as the
// contract says.

/** Words of English (or of JavaScript) that a Vietnamese message must not show outside the quotes. */
const ENGLISH =
  /\b(invalid|expected|received|unexpected|unsupported|malformed|required|error|exception|stack|cannot|failed|failure|undefined|NaN|Infinity|object Object|must|should|not found|bad request|forbidden|unauthorized|unknown|missing|too (?:small|big|large|long)|at position|SQLITE\w*|TypeError|RangeError|SyntaxError)\b/i;

/** How a message may quote an input: whole, trimmed, in another case, or cut short as the server cuts quotes. */
function quotedForms(sent: string): string[] {
  // A lone surrogate cannot travel as UTF-8 (a form field's name, say): it arrives as U+FFFD.
  const e = sent.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  const forms = [sent, e, e.trim(), e.trim().toLowerCase(), e.trim().toUpperCase()];
  for (const n of [29, 30, 39, 40, 59, 60, 99, 100, 120]) if (e.length > n) forms.push(e.slice(0, n));
  return forms;
}

/** The message with what the request itself said taken out: echoed inputs, then quoted passages. */
function ownWords(message: string, echoes: readonly string[]): string {
  let out = message;
  // Short inputs only when they hold a quote or a line break, which would fool what follows.
  const forms = [...new Set(echoes.flatMap(quotedForms))].filter((f) => f.length >= 3 || /["\r\n]/.test(f));
  for (const f of forms.sort((a, b) => b.length - a.length))
    if (out.includes(f)) out = out.split(f).join(' ');
  return out.replace(/"[^"]*"/g, ' ').replace(/“[^”]*”/g, ' ');
}

export const MAX_MESSAGE = 600;

/**
 * What is wrong with an answer to a request that had to be refused: an empty list when it
 * is a 4xx with the contract's body and one Vietnamese sentence. `echoes` are the strings
 * of the request, which a message may quote.
 */
export function refusalProblems(
  res: { status: number; contentType: string | null; text: string },
  echoes: readonly string[],
): string[] {
  const problems: string[] = [];
  if (res.status < 400 || res.status > 499) problems.push(`status ${res.status}, not a 4xx`);
  if (!/^application\/json/.test(res.contentType ?? '')) problems.push(`content type ${res.contentType}`);
  let body: any;
  try {
    body = JSON.parse(res.text);
  } catch {
    problems.push(`body is not JSON: ${res.text.slice(0, 200)}`);
    return problems;
  }
  const error = body?.error;
  if (typeof error !== 'object' || error === null) return [...problems, 'no "error" object'];
  if (typeof error.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(error.code))
    problems.push(`code ${JSON.stringify(error.code)}`);
  if (error.field !== undefined && (typeof error.field !== 'string' || error.field === ''))
    problems.push(`field ${JSON.stringify(error.field)}`);
  const extra = Object.keys(error).filter((k) => !['code', 'message', 'field'].includes(k));
  if (extra.length) problems.push(`unexpected members of "error": ${extra.join(', ')}`);
  problems.push(...sentenceProblems(error.message, echoes));
  return problems;
}

/** What keeps `message` from being one Vietnamese sentence a person can act on. */
export function sentenceProblems(message: unknown, echoes: readonly string[]): string[] {
  if (typeof message !== 'string' || message.trim() === '') return [`message ${JSON.stringify(message)}`];
  const problems: string[] = [];
  const shown = message.length > 300 ? `${message.slice(0, 300)}…` : message;
  if (message.length > MAX_MESSAGE) problems.push(`message of ${message.length} characters: ${shown}`);
  if (!/[.!?]$/.test(message.trim())) problems.push(`message does not end a sentence: ${shown}`);
  const own = ownWords(message, echoes);
  if (!VIETNAMESE.test(own)) problems.push(`message is not Vietnamese: ${shown}`);
  const english = ENGLISH.exec(own);
  if (english) problems.push(`message shows "${english[0]}": ${shown}`);
  if (/[\r\n]/.test(own)) problems.push(`message spans lines: ${shown}`);
  return problems;
}
