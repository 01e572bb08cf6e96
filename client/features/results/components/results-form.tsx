import { useId, useMemo, useState } from 'react';
import type { LockDto } from '../../../../shared/accounts';
import type { DashboardRowDto } from '../../../../shared/schemas/dashboard';
import type { IndicatorDto } from '../../../../shared/schemas/indicators';
import type { BatchResultItem, ResultDto, TargetDto } from '../../../../shared/schemas/values';
import { EditNotice, type EditNoticeValue, SaveBar } from '../../../components/editing/save-bar';
import { useVersionedSave } from '../../../components/editing/use-versioned-save';
import { useFollowLink, useLeaveGuard } from '../../../lib/navigation';
import { useSaveValuesBatch } from '../../values/api/save-values-batch';
import { checkResult, planSave, previewOf, resultFieldsFromStored } from '../../values/utils/value-form';
import { DerivedResultRow } from './derived-result-row';
import { type Fields, ResultRow } from './result-row';
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

const REPORT = { plan: false, report: true };

/**
 * "Báo cáo kết quả": every indicator of one unit and period with its target, the input it
 * needs (numerator and denominator for a ratio, a level from the scale), a note of evidence,
 * and the status it will get, previewed by the shared rules while the value is typed. "Lưu"
 * writes every changed result in one transaction or none.
 */
export function ResultsForm(props: ResultsFormProps) {
  const _followLink = useFollowLink();
  const { unit, period, indicators, targets, rows, lock, canReport, ratingsHref } = props;
  const id = useId();
  const batch = useSaveValuesBatch();
  const [forms, setForms] = useState<ReadonlyMap<string, Fields>>(() => new Map());
  const [removing, setRemoving] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<EditNoticeValue>(null);
  const [tried, setTried] = useState(false);
  const editable = canReport && !lock;

  const forget = (codes: string[]) => {
    setForms((prev) => new Map([...prev].filter(([c]) => !codes.includes(c))));
    setRemoving((prev) => new Set([...prev].filter((c) => !codes.includes(c))));
  };
  const saving = useVersionedSave<string, ResultDto>({
    initial: () => props.results,
    // "Lấy số của người kia": the row shows what is stored, the typing is dropped.
    onTheirs: (code) => forget([code]),
    unexpected: 'Không lưu được; hãy thử lại.',
  });
  const { stored, conflicts, itemRefusals: refused } = saving;

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
    saving.forget({ key: code });
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
    const out = await saving.save(() => batch.mutateAsync({ results: items.map((i) => i.item) }), {
      keyAt: (index) => items[index]?.code,
    });
    if (out.ok) {
      saving.remember([
        ...items.flatMap(({ code, item }) => (item.remove ? [[code, null] as const] : [])),
        ...out.answer.results.map((r) => [r.code, r] as const),
      ]);
      forget(items.map((i) => i.code));
      setTried(false);
      setNotice({
        tone: 'ok',
        text: `Đã lưu ${items.length} kết quả của ${unit.name}, ${period.label.toLowerCase()}.`,
      });
    } else if (out.conflicts > 0)
      setNotice({
        tone: 'error',
        text: `Có ${out.conflicts} kết quả vừa được người khác lưu trong lúc bạn nhập; chưa kết quả nào được lưu. Hãy chọn giữ số của bạn hay lấy số của người kia.`,
      });
    else if (out.refusal)
      setNotice({
        tone: 'error',
        text:
          out.refusal.code === 'unexpected'
            ? out.refusal.message
            : `${out.refusal.message} Chưa kết quả nào được lưu.`,
      });
  }

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
          if (ind.derived)
            return (
              <DerivedResultRow
                key={code}
                ind={ind}
                target={targets.get(code) ?? null}
                row={rows.get(code)}
              />
            );
          const result = stored.get(code) ?? null;
          const form = formOf(ind);
          const shownForm = { target: '', ...form };
          const preview = previewOf(
            ind,
            remove ? { ...shownForm, value: '', numerator: '', denominator: '' } : shownForm,
            { target: targets.get(code) ?? null, result: remove ? null : result },
            remove ? null : (rows.get(code)?.result ?? null),
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
          return (
            <ResultRow
              key={code}
              id={id}
              ind={ind}
              form={form}
              target={targets.get(code) ?? null}
              result={result}
              row={rows.get(code)}
              preview={preview}
              check={check}
              problem={problem}
              conflict={conflict}
              state={
                conflict ? 'conflict' : problem ? 'invalid' : remove || plan?.result ? 'changed' : 'same'
              }
              typed={forms.has(code)}
              remove={remove}
              editable={editable}
              ratingsHref={ratingsHref}
              onField={(field, value) => setField(code, field, value)}
              onRemove={() => setRemoving((s) => new Set(s).add(code))}
              onKeep={() => forget([code])}
              saving={saving}
            />
          );
        })}
      </ol>

      <EditNotice notice={notice} />

      {editable && (
        <SaveBar
          className="results-actions"
          changed={changed.length}
          invalid={problems.length}
          noun="kết quả"
          save={saving}
          onSave={onSave}
          canDiscard={forms.size + removing.size > 0}
          onDiscard={() => {
            setForms(new Map());
            setRemoving(new Set());
            setNotice(null);
            setTried(false);
          }}
        />
      )}
    </div>
  );
}
