import type { IndicatorDef } from '../../../../shared/indicator';
import { achievementX100, judge, type Status } from '../../../../shared/judgement';
import type { RowResultDto } from '../../../../shared/schemas/dashboard';
import { type ResultDto, resultBody, type TargetDto } from '../../../../shared/schemas/values';
import { checkResultInput, checkTargetInput, type Value, valueFromJson } from '../../../../shared/value';
import { readVietnameseDecimal, toVietnameseInput } from './vietnamese-number';

// What the value editor reads, checks and sends, apart from React: the same rules as the
// server (shared/value.ts), applied to text typed the Vietnamese way.

/** The editor's fields as typed; `target` and `value` hold a level's name for a level indicator. */
export interface ValueFormState {
  target: string;
  value: string;
  numerator: string;
  denominator: string;
  note: string;
}

export type FieldName = keyof ValueFormState;

export type TargetSend = { value: string };
export type ResultSend = { value: string } | { numerator: number; denominator: number };

export type Check<B> =
  | { kind: 'empty' }
  | { kind: 'ok'; value: Value; send: B }
  | { kind: 'invalid'; field: FieldName; message: string };

/** What is stored now, as GET /api/values gives it; the editor starts from it and sends `version`. */
export interface Stored {
  target: TargetDto | null;
  result: ResultDto | null;
}

export interface Rights {
  plan: boolean;
  report: boolean;
}

// A refusal quotes what it was given; give it back as the person typed it ("103.5" was "103,5").
const quoteAsTyped = (message: string, sent: string, typed: string) =>
  sent === typed ? message : message.replaceAll(`"${sent}"`, `"${typed}"`);

/** A value from the server as the shared rules hold it; null when it cannot be read. */
export const storedValue = (
  ind: IndicatorDef,
  v: Parameters<typeof valueFromJson>[1] | undefined,
): Value | null => valueFromJson(ind, v ?? null);

export function sameValue(a: Value | null, b: Value | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.type === 'number' && b.type === 'number') return a.x100 === b.x100;
  if (a.type === 'ratio' && b.type === 'ratio')
    return a.numerator === b.numerator && a.denominator === b.denominator;
  if (a.type === 'level' && b.type === 'level') return a.level === b.level;
  return false;
}

/** The fields filled with what is stored. */
export function formFromStored(ind: IndicatorDef, stored: Stored): ValueFormState {
  const { target, result } = stored;
  const asText = (v: number | string) => (ind.kind === 'level' ? String(v) : toVietnameseInput(v));
  const ratio = ind.kind === 'ratio' && result?.numerator !== undefined && result.denominator !== undefined;
  return {
    target: target && target.value !== null ? asText(target.value) : '',
    value: result && !ratio ? asText(result.value) : '',
    numerator: ratio ? toVietnameseInput(result.numerator!) : '',
    denominator: ratio ? toVietnameseInput(result.denominator!) : '',
    note: result?.note ?? '',
  };
}

/** The result fields only, as stored: what "take the other person's value" puts back. */
export function resultFieldsFromStored(ind: IndicatorDef, result: ResultDto | null) {
  const { value, numerator, denominator, note } = formFromStored(ind, { target: null, result });
  return { value, numerator, denominator, note };
}

// A number field: the Vietnamese reading when there is one, else the text as typed, so that
// the refusal quotes it.
const numberInput = (text: string) => {
  const typed = text.trim();
  return { typed, sent: readVietnameseDecimal(typed) ?? typed };
};

/** The target (kế hoạch) as typed, by checkTargetInput. */
export function checkTarget(ind: IndicatorDef, text: string): Check<TargetSend> {
  if (text.trim() === '') return { kind: 'empty' };
  const { typed, sent } = ind.kind === 'level' ? { typed: text, sent: text } : numberInput(text);
  const r = checkTargetInput(ind, sent);
  if (!r.ok) return { kind: 'invalid', field: 'target', message: quoteAsTyped(r.message, sent, typed) };
  return { kind: 'ok', value: r.value, send: { value: sent } };
}

/** The result (kết quả) as typed, by checkResultInput: numerator and denominator for a ratio. */
export function checkResult(ind: IndicatorDef, form: ValueFormState): Check<ResultSend> {
  if (ind.kind === 'ratio') {
    const n = numberInput(form.numerator);
    const d = numberInput(form.denominator);
    if (n.typed === '' && d.typed === '') return { kind: 'empty' };
    const r = checkResultInput(ind, {
      numerator: n.typed === '' ? undefined : n.sent,
      denominator: d.typed === '' ? undefined : d.sent,
    });
    if (!r.ok) {
      const field = r.field === 'denominator' ? 'denominator' : 'numerator';
      const message = quoteAsTyped(quoteAsTyped(r.message, n.sent, n.typed), d.sent, d.typed);
      return { kind: 'invalid', field, message };
    }
    if (r.value.type !== 'ratio')
      return { kind: 'invalid', field: 'numerator', message: 'Tỷ lệ không hợp lệ.' };
    return {
      kind: 'ok',
      value: r.value,
      send: { numerator: r.value.numerator, denominator: r.value.denominator },
    };
  }
  if (form.value.trim() === '') return { kind: 'empty' };
  const { typed, sent } =
    ind.kind === 'level' ? { typed: form.value, sent: form.value } : numberInput(form.value);
  const r = checkResultInput(ind, { value: sent });
  if (!r.ok) return { kind: 'invalid', field: 'value', message: quoteAsTyped(r.message, sent, typed) };
  return { kind: 'ok', value: r.value, send: { value: sent } };
}

/** Where the message for a missing result belongs: the first field to fill. */
const resultField = (ind: IndicatorDef): FieldName => (ind.kind === 'ratio' ? 'numerator' : 'value');

function missingResult(ind: IndicatorDef): string {
  const r = checkResultInput(ind, {});
  return r.ok ? 'Chưa nhập kết quả.' : r.message;
}

export interface Problem {
  field: FieldName;
  message: string;
}

export interface SavePlan {
  /** The target to PUT, when it changed. */
  target: { send: TargetSend; version: number | undefined } | null;
  /** The result to PUT, when it or its note changed. */
  result: { send: ResultSend & { note: string }; version: number | undefined } | null;
  problems: Problem[];
}

/** What one press of "Lưu" sends: only what changed, each with the version it was read at. */
export function planSave(ind: IndicatorDef, form: ValueFormState, stored: Stored, rights: Rights): SavePlan {
  const problems: Problem[] = [];
  let target: SavePlan['target'] = null;
  let result: SavePlan['result'] = null;

  if (rights.plan) {
    const t = checkTarget(ind, form.target);
    if (t.kind === 'invalid') problems.push(t);
    else if (t.kind === 'empty' && stored.target) {
      const r = checkTargetInput(ind, undefined);
      problems.push({ field: 'target', message: r.ok ? 'Chưa nhập kế hoạch.' : r.message });
    } else if (t.kind === 'ok' && !sameValue(t.value, storedValue(ind, stored.target))) {
      target = { send: t.send, version: stored.target?.version };
    }
  }

  if (rights.report) {
    const note = form.note.trim();
    const noteCheck = resultBody.shape.note.safeParse(note);
    if (!noteCheck.success)
      problems.push({
        field: 'note',
        message: noteCheck.error.issues[0]?.message ?? 'Ghi chú không hợp lệ.',
      });
    const noteChanged = note !== (stored.result?.note ?? '');
    const r = checkResult(ind, form);
    if (r.kind === 'invalid') problems.push(r);
    else if (r.kind === 'empty') {
      if (stored.result)
        problems.push({
          field: resultField(ind),
          message: `${missingResult(ind)} Muốn bỏ kết quả đã báo cáo, hãy bấm “Xóa kết quả”.`,
        });
      else if (note) problems.push({ field: resultField(ind), message: missingResult(ind) });
    } else if (noteChanged || !sameValue(r.value, storedValue(ind, stored.result))) {
      result = { send: { ...r.send, note }, version: stored.result?.version };
    }
  }

  return { target, result, problems };
}

export interface Preview {
  status: Status;
  achievementX100: number | null;
  target: Value | null;
  result: Value | null;
}

/**
 * The status and achievement the row would show with what is typed (shared/judgement.ts).
 * A field being typed that cannot be read yet counts as what is stored; an empty result
 * leaves what the units below or the shorter periods add up to, as the dashboard does.
 */
export function previewOf(
  ind: IndicatorDef,
  form: ValueFormState,
  stored: Stored,
  rowResult: RowResultDto,
  open: boolean,
  rights: Rights,
): Preview {
  const storedTarget = storedValue(ind, stored.target);
  const storedResult = storedValue(ind, stored.result);
  const rolled = rowResult && rowResult.source !== 'entered' ? storedValue(ind, rowResult) : null;

  let target = storedTarget;
  if (rights.plan) {
    const t = checkTarget(ind, form.target);
    target = t.kind === 'ok' ? t.value : t.kind === 'empty' ? null : storedTarget;
  }
  let result = storedResult ?? rolled;
  if (rights.report) {
    const r = checkResult(ind, form);
    if (r.kind === 'ok') result = r.value;
  }
  return {
    status: judge(ind, target, result, open),
    achievementX100: achievementX100(ind, target, result),
    target,
    result,
  };
}
