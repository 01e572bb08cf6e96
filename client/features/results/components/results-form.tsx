import { useId, useMemo, useState } from 'react';
import type { LockDto } from '../../../../shared/accounts';
import { formatPercentX100, formatRatioParts, formatValue } from '../../../../shared/format';
import type { IndicatorDef } from '../../../../shared/indicator';
import type { ItemProblem } from '../../../../shared/schemas/common';
import type { DashboardRowDto } from '../../../../shared/schemas/dashboard';
import type { IndicatorDto } from '../../../../shared/schemas/indicators';
import type { BatchResultItem, ResultDto, TargetDto } from '../../../../shared/schemas/values';
import { StatusBadge } from '../../../components/ui/status-badge';
import { ApiError } from '../../../lib/api';
import { useFollowLink, useLeaveGuard } from '../../../lib/navigation';
import { useSaveValuesBatch } from '../../values/api/save-values-batch';
import {
  checkResult,
  planSave,
  previewOf,
  resultFieldsFromStored,
  type ValueFormState,
} from '../../values/utils/value-form';
import './results-form.css';

export interface ResultsFormProps {
  unit: { id: string; name: string };
  period: { code: string; label: string; open: boolean };
  /** The indicators shown, in the catalogue's order. */
  indicators: IndicatorDto[];
  targets: ReadonlyMap<string, TargetDto>;
  /** What is stored now, by indicator code. */
  results: ReadonlyMap<string, ResultDto>;
  /** The dashboard's rows: what the units below or the shorter periods add up to. */
  rows: ReadonlyMap<string, DashboardRowDto>;
  lock: LockDto | null;
  canReport: boolean;
  /** Where the member ratings form is, for the two shares it fills. */
  ratingsHref: string;
}

type Fields = Omit<ValueFormState, 'target'>;
type Notice = { tone: 'ok' | 'error'; text: string } | null;

const REPORT = { plan: false, report: true };

function shownValue(ind: IndicatorDef, dto: ResultDto | null): string {
  if (!dto) return 'chưa có';
  const parts =
    dto.numerator !== undefined && dto.denominator !== undefined
      ? ` (${formatRatioParts({ type: 'ratio', numerator: dto.numerator, denominator: dto.denominator })})`
      : '';
  return `${dto.display}${parts}${ind.kind === 'count' ? ` ${ind.unitLabel}` : ''}`;
}

/**
 * "Báo cáo kết quả": every indicator of one unit and period with its target, the input it
 * needs (numerator and denominator for a ratio, a level from the scale), a note of evidence,
 * and the status it will get, previewed by the shared rules while the value is typed. "Lưu"
 * writes every changed result in one transaction or none.
 */
export function ResultsForm(props: ResultsFormProps) {
  const followLink = useFollowLink();
  const { unit, period, indicators, targets, rows, lock, canReport, ratingsHref } = props;
  const id = useId();
  const save = useSaveValuesBatch();
  const [stored, setStored] = useState<Map<string, ResultDto>>(() => new Map(props.results));
  const [forms, setForms] = useState<Map<string, Fields>>(() => new Map());
  const [removing, setRemoving] = useState<ReadonlySet<string>>(new Set());
  const [conflicts, setConflicts] = useState<Map<string, ResultDto | null>>(() => new Map());
  const [refused, setRefused] = useState<Map<string, string>>(() => new Map());
  const [notice, setNotice] = useState<Notice>(null);
  const [tried, setTried] = useState(false);
  const editable = canReport && !lock;

  const formOf = (ind: IndicatorDto): Fields =>
    forms.get(ind.code) ?? resultFieldsFromStored(ind, stored.get(ind.code) ?? null);

  const plans = useMemo(
    () =>
      indicators.map((ind) => {
        const result = stored.get(ind.code) ?? null;
        const form = { target: '', ...(forms.get(ind.code) ?? resultFieldsFromStored(ind, result)) };
        if (removing.has(ind.code)) return { ind, remove: true as const, plan: null };
        return {
          ind,
          remove: false as const,
          plan: forms.has(ind.code) ? planSave(ind, form, { target: null, result }, REPORT) : null,
        };
      }),
    [indicators, stored, forms, removing],
  );
  const changed = plans.filter((p) => p.remove || p.plan?.result);
  const problems = plans.flatMap((p) => (p.plan?.problems.length ? [p] : []));
  useLeaveGuard(changed.length > 0 || problems.length > 0);

  const setField = (code: string, field: keyof Fields, value: string) => {
    const ind = indicators.find((i) => i.code === code)!;
    setForms((prev) => new Map(prev).set(code, { ...formOf(ind), [field]: value }));
    setRefused((prev) => {
      if (!prev.has(code)) return prev;
      const next = new Map(prev);
      next.delete(code);
      return next;
    });
  };

  const forget = (codes: string[]) => {
    setForms((prev) => {
      const next = new Map(prev);
      for (const c of codes) next.delete(c);
      return next;
    });
    setRemoving((prev) => new Set([...prev].filter((c) => !codes.includes(c))));
  };

  async function onSave() {
    setTried(true);
    setNotice(null);
    if (problems.length > 0) {
      setNotice({
        tone: 'error',
        text: `Còn ${problems.length} chỉ tiêu nhập chưa hợp lệ; hãy sửa trước khi lưu.`,
      });
      const first = problems[0]!;
      document.getElementById(`${id}-${first.ind.code}-${first.plan!.problems[0]!.field}`)?.focus();
      return;
    }
    const items: { code: string; item: BatchResultItem }[] = changed.map((p) => {
      const version = stored.get(p.ind.code)?.version ?? 0;
      const key = { unitId: unit.id, code: p.ind.code, period: period.code, version };
      return {
        code: p.ind.code,
        item: p.remove ? { ...key, remove: true } : { ...key, ...p.plan!.result!.send },
      };
    });
    if (items.length === 0) return;
    try {
      const out = await save.mutateAsync({ results: items.map((i) => i.item) });
      setStored((prev) => {
        const next = new Map(prev);
        for (const { code, item } of items) if (item.remove) next.delete(code);
        for (const r of out.results) next.set(r.code, r);
        return next;
      });
      forget(items.map((i) => i.code));
      setConflicts(new Map());
      setRefused(new Map());
      setTried(false);
      setNotice({
        tone: 'ok',
        text: `Đã lưu ${items.length} kết quả của ${unit.name}, ${period.label.toLowerCase()}.`,
      });
    } catch (err) {
      if (!(err instanceof ApiError)) {
        setNotice({ tone: 'error', text: 'Không lưu được; hãy thử lại.' });
        return;
      }
      const codeAt = (index: number) => items[index]?.code;
      if (err.status === 409 && Array.isArray(err.body?.conflicts)) {
        const next = new Map<string, ResultDto | null>();
        for (const c of err.body.conflicts as { index: number; current: ResultDto | null }[]) {
          const code = codeAt(c.index);
          if (code) next.set(code, c.current);
        }
        setConflicts(next);
        setNotice({
          tone: 'error',
          text: `Có ${next.size} kết quả vừa được người khác lưu trong lúc bạn nhập; chưa kết quả nào được lưu. Hãy chọn giữ số của bạn hay lấy số của người kia.`,
        });
        return;
      }
      if (Array.isArray(err.body?.errors)) {
        const next = new Map<string, string>();
        for (const p of err.body.errors as ItemProblem[]) {
          const code = codeAt(p.index);
          if (code) next.set(code, p.message);
        }
        setRefused(next);
      }
      setNotice({ tone: 'error', text: `${err.message} Chưa kết quả nào được lưu.` });
    }
  }

  const resolve = (code: string, choice: 'mine' | 'theirs') => {
    const current = conflicts.get(code) ?? null;
    setStored((prev) => {
      const next = new Map(prev);
      if (current) next.set(code, current);
      else next.delete(code);
      return next;
    });
    if (choice === 'theirs') forget([code]);
    setConflicts((prev) => {
      const next = new Map(prev);
      next.delete(code);
      return next;
    });
  };

  return (
    <div className="results-form">
      {lock ? (
        <p className="form-error" role="status">
          {period.label} của {lock.unit.name} đã được khóa sau hội nghị đánh giá ({lock.lockedBy}); kết quả
          chỉ còn để xem.
        </p>
      ) : !canReport ? (
        <p className="card-hint">Bạn chỉ được xem kết quả của {unit.name}.</p>
      ) : (
        <p className="card-hint">
          Gõ số như trên giấy (1.500; 92,5). Đánh giá bên phải tính ngay khi gõ, theo đúng quy tắc của bảng
          chỉ tiêu; chưa lưu cho đến khi bấm “Lưu”.
        </p>
      )}

      <ol className="results-list">
        {plans.map(({ ind, remove, plan }) => {
          const code = ind.code;
          const result = stored.get(code) ?? null;
          const form = formOf(ind);
          const target = targets.get(code) ?? null;
          const row = rows.get(code);
          const shownForm = { target: '', ...form };
          const preview = previewOf(
            ind,
            remove ? { ...shownForm, value: '', numerator: '', denominator: '' } : shownForm,
            { target, result: remove ? null : result },
            remove ? null : (row?.result ?? null),
            period.open,
            REPORT,
          );
          const check = checkResult(ind, shownForm);
          const typedProblem = check.kind === 'invalid' && forms.has(code) ? check : null;
          const problem =
            typedProblem ??
            (tried ? plan?.problems[0] : undefined) ??
            (refused.has(code) ? { field: 'value', message: refused.get(code)! } : null);
          const conflict = conflicts.has(code) ? { current: conflicts.get(code) ?? null } : null;
          const state = conflict
            ? 'conflict'
            : problem
              ? 'invalid'
              : remove || plan?.result
                ? 'changed'
                : 'same';
          const fieldId = (f: string) => `${id}-${code}-${f}`;
          const errorId = `${id}-${code}-error`;
          const described = problem ? errorId : undefined;
          const rolled = !result && row?.result && row.result.source !== 'entered' ? row.result : null;
          return (
            <li key={code} className={`result-row result-${state}`} data-code={code}>
              <div className="result-head">
                <h3 className="result-name">{ind.name}</h3>
                <p className="result-target">
                  Kế hoạch: <strong>{target ? target.display : 'chưa giao'}</strong>
                  {target && ind.kind === 'count' && ` ${ind.unitLabel}`}
                  {ind.memberRating && editable && (
                    <>
                      {' · '}
                      <a href={ratingsHref} onClick={(e) => followLink(e, ratingsHref)}>
                        Nhập theo xếp loại đảng viên
                      </a>
                    </>
                  )}
                </p>
              </div>

              <div className="result-inputs">
                {ind.kind === 'ratio' ? (
                  <fieldset className="result-ratio">
                    <legend className="field-label">Kết quả</legend>
                    <label className="visually-hidden" htmlFor={fieldId('numerator')}>
                      {ind.name}: tử số
                    </label>
                    <input
                      id={fieldId('numerator')}
                      className="input"
                      inputMode="numeric"
                      autoComplete="off"
                      placeholder="Tử số"
                      readOnly={!editable || remove}
                      value={remove ? '' : form.numerator}
                      aria-invalid={problem?.field === 'numerator' || undefined}
                      aria-describedby={described}
                      onChange={(e) => setField(code, 'numerator', e.target.value)}
                    />
                    <span aria-hidden="true">trên</span>
                    <label className="visually-hidden" htmlFor={fieldId('denominator')}>
                      {ind.name}: mẫu số
                    </label>
                    <input
                      id={fieldId('denominator')}
                      className="input"
                      inputMode="numeric"
                      autoComplete="off"
                      placeholder="Mẫu số"
                      readOnly={!editable || remove}
                      value={remove ? '' : form.denominator}
                      aria-invalid={problem?.field === 'denominator' || undefined}
                      aria-describedby={described}
                      onChange={(e) => setField(code, 'denominator', e.target.value)}
                    />
                  </fieldset>
                ) : (
                  <div className="field rf-value">
                    <label className="field-label" htmlFor={fieldId('value')}>
                      Kết quả
                      {ind.kind === 'count' ? ` (${ind.unitLabel})` : ind.kind === 'percent' ? ' (%)' : ''}
                    </label>
                    {ind.kind === 'level' ? (
                      <select
                        id={fieldId('value')}
                        className="select"
                        disabled={!editable || remove}
                        value={remove ? '' : form.value}
                        aria-describedby={described}
                        onChange={(e) => setField(code, 'value', e.target.value)}
                      >
                        <option value="">— Chưa báo cáo —</option>
                        {(ind.levels ?? []).map((l) => (
                          <option key={l} value={l}>
                            {l}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <input
                        id={fieldId('value')}
                        className="input"
                        inputMode="decimal"
                        autoComplete="off"
                        readOnly={!editable || remove}
                        value={remove ? '' : form.value}
                        aria-invalid={problem?.field === 'value' || undefined}
                        aria-describedby={described}
                        onChange={(e) => setField(code, 'value', e.target.value)}
                      />
                    )}
                  </div>
                )}
                <div className="field rf-note">
                  <label className="field-label" htmlFor={fieldId('note')}>
                    Minh chứng
                  </label>
                  <input
                    id={fieldId('note')}
                    className="input"
                    autoComplete="off"
                    placeholder="Ví dụ: đã nghiệm thu 01 đề tài cấp tỉnh"
                    readOnly={!editable || remove}
                    value={remove ? '' : form.note}
                    aria-invalid={problem?.field === 'note' || undefined}
                    onChange={(e) => setField(code, 'note', e.target.value)}
                  />
                </div>
              </div>

              <div className="result-preview" aria-live="polite">
                <StatusBadge status={preview.status} />
                <span className="result-achievement">
                  {preview.achievementX100 !== null
                    ? `${formatPercentX100(preview.achievementX100)} kế hoạch`
                    : ind.kind === 'ratio' && check.kind === 'ok'
                      ? formatValue(ind, check.value)
                      : ''}
                </span>
                {rolled && !forms.has(code) && (
                  <span className="result-rolled">
                    {rolled.source === 'units'
                      ? `Tổng hợp từ đơn vị trực thuộc: ${rolled.display}${rolled.coverage ? ` (${rolled.coverage.reported}/${rolled.coverage.total} đơn vị)` : ''}`
                      : ind.timeAggregate === 'last'
                        ? `Theo kỳ gần nhất có số liệu: ${rolled.display}`
                        : `Cộng dồn các kỳ: ${rolled.display}`}
                  </span>
                )}
                {editable && result && !remove && (
                  <button
                    type="button"
                    className="button button-secondary button-quiet button-small"
                    onClick={() => setRemoving((s) => new Set(s).add(code))}
                  >
                    Xóa kết quả
                  </button>
                )}
                {remove && (
                  <span className="result-removing">
                    Sẽ xóa kết quả khi lưu.{' '}
                    <button type="button" className="link-button" onClick={() => forget([code])}>
                      Giữ lại
                    </button>
                  </span>
                )}
              </div>

              {problem && (
                <p id={errorId} className="field-error result-error">
                  {problem.message}
                </p>
              )}
              {conflict && (
                <section className="result-conflict" aria-label={`Vừa được người khác lưu: ${ind.name}`}>
                  <p>
                    Người khác vừa lưu: <strong>{shownValue(ind, conflict.current)}</strong>
                    {conflict.current?.note ? ` — “${conflict.current.note}”` : ''}.
                  </p>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => resolve(code, 'mine')}
                  >
                    Giữ số của tôi
                  </button>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => resolve(code, 'theirs')}
                  >
                    Lấy số của người kia
                  </button>
                </section>
              )}
            </li>
          );
        })}
      </ol>

      {notice && (
        <p
          className={`results-notice results-notice-${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      )}

      {editable && (
        <div className={`results-actions${changed.length + problems.length > 0 ? ' is-dirty' : ''}`}>
          <button
            type="button"
            className="button"
            onClick={onSave}
            disabled={save.isPending || changed.length + problems.length === 0 || conflicts.size > 0}
          >
            {save.isPending ? 'Đang lưu…' : changed.length > 0 ? `Lưu ${changed.length} kết quả` : 'Lưu'}
          </button>
          <button
            type="button"
            className="button button-secondary button-quiet"
            disabled={forms.size + removing.size === 0}
            onClick={() => {
              setForms(new Map());
              setRemoving(new Set());
              setRefused(new Map());
              setConflicts(new Map());
              setNotice(null);
              setTried(false);
            }}
          >
            Bỏ các thay đổi
          </button>
        </div>
      )}
    </div>
  );
}
