import { lineStatus, type Status } from '../../../../shared/judgement';
import { putTargetLinesBody, type TargetLineInput } from '../../../../shared/schemas/target-lines';

// The list of "chỉ tiêu chủ yếu" as it is being written: lines in order, each with a key of
// its own (so that moving a line moves its fields and its focus with it) and the stored
// line it was made from, to mark what changed since the last save.

/** A part judged at the units below of some kinds ("các đoàn thể đạt vững mạnh"). */
export interface BelowPart {
  code: string;
  below: string[];
}

export interface DraftLine {
  key: string;
  text: string;
  codes: string[];
  /** Parts at the units below, besides (or instead of) the codes at the line's own unit. */
  below: BelowPart[];
  /** Index in the stored list this line came from; null for a line added here. */
  origin: number | null;
}

/**
 * What the draft compares with: a line's sentence, the codes bound at its own unit, and its
 * parts below, as sent (`{code, below}`) or as judged (`{indicator: {code}, below}`).
 */
type StoredLine = Pick<TargetLineInput, 'text' | 'codes'> & {
  parts?: readonly ({ code: string; below: string[] } | { indicator: { code: string }; below?: string[] })[];
};

/** The parts of a stored line that lie below, as the draft holds them. */
export function belowOf(line: StoredLine): BelowPart[] {
  return (line.parts ?? []).flatMap((p) =>
    p.below ? [{ code: 'code' in p ? p.code : p.indicator.code, below: [...p.below] }] : [],
  );
}

let counter = 0;
const nextKey = () => `line-${++counter}`;

export function draftFrom(lines: readonly StoredLine[]): DraftLine[] {
  return lines.map((l, i) => ({
    key: nextKey(),
    text: l.text,
    codes: [...l.codes],
    below: belowOf(l),
    origin: i,
  }));
}

export function newLine(): DraftLine {
  return { key: nextKey(), text: '', codes: [], below: [], origin: null };
}

const belowKey = (p: BelowPart) => `${p.code}|${[...p.below].sort().join(',')}`;

const sameBelow = (a: readonly BelowPart[], b: readonly BelowPart[]) =>
  a.length === b.length && a.every((p, i) => belowKey(p) === belowKey(b[i]!));

/** Adds a part below, unless the same one is there; removes it by its place. */
export function addBelow(parts: readonly BelowPart[], part: BelowPart): BelowPart[] {
  return parts.some((p) => belowKey(p) === belowKey(part)) ? [...parts] : [...parts, part];
}

const sameCodes = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((c, i) => c === b[i]);

// The server trims the text, so spaces at the ends are not a change.
const sameLine = (
  a: { text: string; codes: readonly string[]; below?: readonly BelowPart[] },
  b: StoredLine,
) => a.text.trim() === b.text.trim() && sameCodes(a.codes, b.codes) && sameBelow(a.below ?? [], belowOf(b));

/** Whether the list differs from what is stored: a line added, removed, moved or rewritten. */
export function isDirty(
  draft: readonly { text: string; codes: readonly string[]; below?: readonly BelowPart[] }[],
  stored: readonly StoredLine[],
): boolean {
  return draft.length !== stored.length || draft.some((l, i) => !sameLine(l, stored[i]!));
}

/** Whether this line's own text or indicators differ from the stored line it came from. */
export function lineChanged(line: DraftLine, stored: readonly StoredLine[]): boolean {
  const from = line.origin === null ? undefined : stored[line.origin];
  return !from || !sameLine(line, from);
}

/** The list with the line at `index` moved by `delta` places; unchanged at either end. */
export function moveLine<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(index, 1);
  next.splice(to, 0, moved!);
  return next;
}

/** Binds or unbinds an indicator, keeping the order in which the codes were chosen. */
export function toggleCode(codes: readonly string[], code: string, on: boolean): string[] {
  if (on) return codes.includes(code) ? [...codes] : [...codes, code];
  return codes.filter((c) => c !== code);
}

export type LineField = 'text' | 'codes';

export interface LineProblem {
  /** Index of the line, from 0; null for a problem of the whole list. */
  index: number | null;
  field: LineField | null;
  message: string;
}

/**
 * Where a field named by the server ("lines.2.codes.0") or by zod (['lines', 2, 'text'])
 * points: the line and which of its fields.
 */
export function problemAt(path: string | readonly PropertyKey[] | undefined): {
  index: number | null;
  field: LineField | null;
} {
  const parts = typeof path === 'string' ? path.split('.') : (path ?? []).map(String);
  if (parts[0] !== 'lines' || parts[1] === undefined || !/^\d+$/.test(parts[1]))
    return { index: null, field: null };
  const field = parts[2] === 'text' || parts[2] === 'codes' ? parts[2] : null;
  return { index: Number(parts[1]), field };
}

export type CheckedLines =
  | { ok: true; body: { lines: TargetLineInput[]; version: number } }
  | { ok: false; problems: LineProblem[] };

/** Checks the list with the schema the server uses, before anything is sent. */
export function checkLines(draft: readonly DraftLine[], version: number): CheckedLines {
  const parsed = putTargetLinesBody.safeParse({
    lines: draft.map((l) => ({
      text: l.text,
      codes: l.codes,
      ...(l.below.length > 0 ? { parts: l.below } : {}),
    })),
    version,
  });
  if (parsed.success) {
    return { ok: true, body: { lines: parsed.data.lines, version: parsed.data.version ?? version } };
  }
  const problems: LineProblem[] = [];
  for (const issue of parsed.error.issues) {
    const at = problemAt(issue.path);
    // One message per field is enough; the first is the one to act on.
    if (problems.some((p) => p.index === at.index && p.field === at.field)) continue;
    problems.push({ ...at, message: issue.message });
  }
  return { ok: false, problems };
}

/** The part of a line for one bound indicator: what its status is judged from. */
export interface PartLike {
  status: Status;
}

/**
 * A line's status from its parts, by the rule of docs/rules.md (shared/judgement.ts): what the
 * server will say once the line is saved as it is.
 */
export function previewStatus(parts: readonly PartLike[]): Status {
  return lineStatus(parts.map((p) => p.status));
}
