import { formatPercentX100, formatRatioParts, formatValue } from '../../../../shared/format';
import type { IndicatorDef } from '../../../../shared/indicator';
import { parsePeriod } from '../../../../shared/period';
import { sourceLine } from '../../../../shared/rollup-words';
import type { DashboardRowDto } from '../../../../shared/schemas/dashboard';
import type { IndicatorDto } from '../../../../shared/schemas/indicators';
import type { ResultDto, TargetDto } from '../../../../shared/schemas/values';
import { changeText } from '../../../../shared/targets';
import { ConflictChoice } from '../../../components/editing/conflict-choice';
import type { VersionedSave } from '../../../components/editing/use-versioned-save';
import { Field, FieldError, Input, Label, Select } from '../../../components/ui/field';
import { StatusBadge } from '../../../components/ui/status-badge';
import { useFollowLink } from '../../../lib/navigation';
import { LevelOptions } from '../../values/components/value-fields';
import type { Check, Preview, ResultSend, ValueFormState } from '../../values/utils/value-form';

export type Fields = Omit<ValueFormState, 'target'>;

/** Where a target comes from: its term ("theo nhiệm kỳ 2020–2025"), or why a change from last year has no value. */
export function TargetOrigin({ ind, target }: { ind: IndicatorDef; target: TargetDto & { from?: string } }) {
  const term = target.from ? parsePeriod(target.from) : null;
  if (term)
    return (
      <span className="result-target-from">
        {' '}
        (hằng năm, theo {term.label.charAt(0).toLowerCase()}
        {term.label.slice(1)})
      </span>
    );
  if (target.change && target.value === null)
    return <span className="result-target-from"> ({target.reason ?? 'chưa có kết quả năm trước'})</span>;
  if (target.change && target.base?.display) {
    const { percent, amount } = target.change;
    const rule = changeText(
      ind,
      percent !== undefined
        ? { kind: 'percent', x100: Math.round(percent * 100) }
        : { kind: 'amount', x100: Math.round((amount ?? 0) * 100) },
    );
    return (
      <span className="result-target-from">
        {' '}
        ({rule} so với kết quả {target.base.period}: {target.base.display})
      </span>
    );
  }
  return null;
}

function shownValue(ind: IndicatorDef, dto: ResultDto | null): string {
  if (!dto) return 'chưa có';
  const parts =
    dto.numerator !== undefined && dto.denominator !== undefined
      ? ` (${formatRatioParts({ type: 'ratio', numerator: dto.numerator, denominator: dto.denominator })})`
      : '';
  return `${dto.display}${parts}${ind.kind === 'count' ? ` ${ind.unitLabel}` : ''}`;
}

export interface ResultRowProps {
  id: string;
  ind: IndicatorDto;
  form: Fields;
  target: TargetDto | null;
  result: ResultDto | null;
  row: DashboardRowDto | undefined;
  preview: Preview;
  check: Check<ResultSend>;
  problem: { field: string; message: string } | null;
  /** Someone else saved meanwhile: what is stored now. */
  conflict: { current: ResultDto | null } | null;
  state: 'conflict' | 'invalid' | 'changed' | 'same';
  /** Typed here since the last save. */
  typed: boolean;
  remove: boolean;
  editable: boolean;
  ratingsHref: string;
  onField: (field: keyof Fields, value: string) => void;
  onRemove: () => void;
  onKeep: () => void;
  /** The save the row's conflict is of. */
  saving: VersionedSave<string, ResultDto>;
}

/** One indicator of the results form: its target, the input its kind needs, the preview, the choice on a conflict. */
export function ResultRow(p: ResultRowProps) {
  const { ind, form, target, row, remove } = p;
  const followLink = useFollowLink();
  const fieldId = (f: string) => `${p.id}-${ind.code}-${f}`;
  const errorId = `${p.id}-${ind.code}-error`;
  const described = p.problem ? errorId : undefined;
  const readOnly = !p.editable || remove;
  const rolled = !p.result && row?.result && row.result.source !== 'entered' ? row.result : null;
  const input = (field: keyof Fields) => ({
    value: remove ? '' : form[field],
    readOnly,
    'aria-invalid': p.problem?.field === field || undefined,
    onChange: (e: { target: { value: string } }) => p.onField(field, e.target.value),
  });
  /** One of a ratio's two counts: named for screen readers, shown by its placeholder. */
  const countInput = (field: 'numerator' | 'denominator', word: string) => (
    <>
      <label className="visually-hidden" htmlFor={fieldId(field)}>
        {ind.name}: {word.toLowerCase()}
      </label>
      <Input
        {...input(field)}
        id={fieldId(field)}
        inputMode="numeric"
        autoComplete="off"
        placeholder={word}
        aria-describedby={described}
      />
    </>
  );
  return (
    <li className={`result-row result-${p.state}`} data-code={ind.code}>
      <div className="result-head">
        <h3 className="result-name">{ind.name}</h3>
        <p className="result-target">
          Kế hoạch: <strong>{target ? target.display : 'chưa giao'}</strong>
          {target && ind.kind === 'count' && target.value !== null && ` ${ind.unitLabel}`}
          {target && <TargetOrigin ind={ind} target={target} />}
          {ind.memberRating && p.editable && (
            <>
              {' · '}
              <a href={p.ratingsHref} onClick={(e) => followLink(e, p.ratingsHref)}>
                Nhập theo xếp loại đảng viên
              </a>
            </>
          )}
        </p>
      </div>

      <div className="result-inputs">
        {ind.kind === 'ratio' ? (
          <fieldset className="result-ratio">
            <Label as="legend">Kết quả</Label>
            {countInput('numerator', 'Tử số')}
            <span aria-hidden="true">trên</span>
            {countInput('denominator', 'Mẫu số')}
          </fieldset>
        ) : (
          <Field
            id={fieldId('value')}
            className="rf-value"
            label={`Kết quả${ind.kind === 'count' ? ` (${ind.unitLabel})` : ind.kind === 'percent' ? ' (%)' : ''}`}
          >
            {ind.kind === 'level' ? (
              <Select
                disabled={readOnly}
                value={remove ? '' : form.value}
                aria-describedby={described}
                onChange={(e) => p.onField('value', e.target.value)}
              >
                <LevelOptions levels={ind.levels} none="— Chưa báo cáo —" />
              </Select>
            ) : (
              <Input
                {...input('value')}
                inputMode="decimal"
                autoComplete="off"
                aria-describedby={described}
              />
            )}
          </Field>
        )}
        <Field id={fieldId('note')} className="rf-note" label="Minh chứng">
          <Input {...input('note')} autoComplete="off" placeholder="Ví dụ: biên bản họp số 12" />
        </Field>
      </div>

      <div className="result-preview" aria-live="polite">
        <StatusBadge status={p.preview.status} />
        <span className="result-achievement">
          {p.preview.achievementX100 !== null
            ? `${formatPercentX100(p.preview.achievementX100)} kế hoạch`
            : ind.kind === 'ratio' && p.check.kind === 'ok'
              ? formatValue(ind, p.check.value)
              : ''}
        </span>
        {rolled && !p.typed && (
          <span className="result-rolled">
            {sourceLine(rolled, ind)}: {rolled.display}
          </span>
        )}
        {p.editable && p.result && !remove && (
          <button
            type="button"
            className="button button-secondary button-quiet button-small"
            onClick={p.onRemove}
          >
            Xóa kết quả
          </button>
        )}
        {remove && (
          <span className="result-removing">
            Sẽ xóa kết quả khi lưu.{' '}
            <button type="button" className="link-button" onClick={p.onKeep}>
              Giữ lại
            </button>
          </span>
        )}
      </div>

      <FieldError id={errorId} className="result-error" live>
        {p.problem?.message}
      </FieldError>
      {p.conflict && (
        <ConflictChoice
          of={p.saving}
          at={ind.code}
          labels={['Giữ số của tôi', 'Lấy số của người kia']}
          as="section"
          className="result-conflict"
          label={`Vừa được người khác lưu: ${ind.name}`}
        >
          <p>
            Người khác vừa lưu: <strong>{shownValue(ind, p.conflict.current)}</strong>
            {p.conflict.current?.note ? ` — “${p.conflict.current.note}”` : ''}.
          </p>
        </ConflictChoice>
      )}
    </li>
  );
}
