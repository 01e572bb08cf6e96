import { formatPercentX100, formatRatioParts, formatValue } from '../../../../shared/format';
import type { IndicatorDef } from '../../../../shared/indicator';
import { sourceWords } from '../../../../shared/rollup-words';
import type { RowResultDto } from '../../../../shared/schemas/dashboard';
import type { ResultDto, TargetDto } from '../../../../shared/schemas/values';
import type { Value } from '../../../../shared/value';
import { Field, Input, Label, Select } from '../../../components/ui/field';
import { StatusBadge } from '../../../components/ui/status-badge';
import type { FieldName, Preview } from '../utils/value-form';
import { toVietnameseInput } from '../utils/vietnamese-number';

// The fields of the value editor, apart from its saving: the target (or the target read only),
// the result as its kind asks it (a ratio's two counts, a level, a number), and the preview.

/** A value with the counts behind a ratio: "92,86% (13/14)". */
export function shown(ind: IndicatorDef, v: Value | null): string {
  if (!v) return '—';
  const parts = formatRatioParts(v);
  return parts ? `${formatValue(ind, v)} (${parts})` : formatValue(ind, v);
}

/** What is stored, as the server displays it, with a ratio's counts. */
export function dtoShown(dto: TargetDto | ResultDto | null): string {
  if (!dto) return '';
  const r = dto as ResultDto;
  return r.numerator !== undefined && r.denominator !== undefined
    ? `${dto.display} (${toVietnameseInput(r.numerator)}/${toVietnameseInput(r.denominator)})`
    : dto.display;
}

function targetHint(ind: IndicatorDef): string {
  switch (ind.kind) {
    case 'level':
      return 'Mức xếp loại phải đạt.';
    case 'count':
      return `Số nguyên, tính bằng ${ind.unitLabel}.`;
    case 'ratio':
      return 'Tỷ lệ phần trăm từ 0 đến 100; phần thập phân dùng dấu phẩy, ví dụ 92,5.';
    case 'percent':
      return 'Tỷ lệ phần trăm; phần thập phân dùng dấu phẩy, ví dụ 103,5.';
  }
}

/** The levels of a scale as the options of a select, after the choice of none. */
export function LevelOptions({ levels, none }: { levels: readonly string[] | undefined; none: string }) {
  return (
    <>
      <option value="">{none}</option>
      {(levels ?? []).map((l) => (
        <option key={l} value={l}>
          {l}
        </option>
      ))}
    </>
  );
}

/** A field's value and its handlers, as the editor binds them. */
type Bound = { value: string; onChange: (e: { target: { value: string } }) => void; onBlur: () => void };

export interface ValueFieldsProps {
  ind: IndicatorDef;
  /** The id of a field of the editor. */
  idOf: (f: FieldName) => string;
  bind: (f: FieldName) => Bound;
  /** The id of the error a field is at fault in, when it is. */
  faultOf: (f: FieldName) => string | undefined;
  /** The first field takes the focus when the editor opens. */
  first: (el: HTMLElement | null) => void;
}

const suffixOf = (ind: IndicatorDef) =>
  ind.kind === 'count' ? ind.unitLabel : ind.kind === 'percent' ? '%' : null;

export function TargetField({ ind, idOf, bind, first, error }: ValueFieldsProps & { error?: string }) {
  return (
    <Field id={idOf('target')} label="Kế hoạch" hint={targetHint(ind)} error={error} live>
      {ind.kind === 'level' ? (
        <Select {...bind('target')} ref={first}>
          <LevelOptions levels={ind.levels} none="— Chưa giao —" />
        </Select>
      ) : (
        <Input
          {...bind('target')}
          ref={first}
          inputMode="decimal"
          autoComplete="off"
          suffix={suffixOf(ind) ?? (ind.kind === 'ratio' ? '%' : null)}
        />
      )}
    </Field>
  );
}

/** The target to those who only report: read, with whose it is. */
export function TargetReadOnly({ text }: { text: string | null }) {
  return (
    <div className="value-readonly" data-testid="target-readonly">
      <Label as="span">Kế hoạch</Label>
      <strong className="value-readonly-value">{text ?? 'Chưa giao'}</strong>
      <span className="field-hint">Kế hoạch do cấp ủy giao; bạn báo cáo kết quả.</span>
    </div>
  );
}

/** The result as its kind asks it: numerator and denominator, a level, or a number. */
export function ResultFields({
  ind,
  idOf,
  bind,
  faultOf,
  first,
  ratioShown,
}: ValueFieldsProps & { ratioShown: string | null }) {
  if (ind.kind === 'ratio')
    return (
      <fieldset className="ratio-fieldset">
        <Label as="legend">Kết quả</Label>
        <div className="ratio-inputs">
          <Field
            id={idOf('numerator')}
            label="Tử số"
            hint="Số đạt, ví dụ số đảng viên đạt"
            errorElsewhere={faultOf('numerator')}
          >
            <Input {...bind('numerator')} ref={first} inputMode="numeric" autoComplete="off" />
          </Field>
          <span className="ratio-slash" aria-hidden="true">
            /
          </span>
          <Field
            id={idOf('denominator')}
            label="Mẫu số"
            hint="Tổng số, ví dụ tổng số đảng viên"
            errorElsewhere={faultOf('denominator')}
          >
            <Input {...bind('denominator')} inputMode="numeric" autoComplete="off" />
          </Field>
          <output
            className="ratio-percent"
            htmlFor={`${idOf('numerator')} ${idOf('denominator')}`}
            aria-label="Tỷ lệ"
            data-testid="ratio-percent"
          >
            = {ratioShown ?? '…'}
          </output>
        </div>
      </fieldset>
    );
  if (ind.kind === 'level')
    return (
      <Field
        id={idOf('value')}
        label="Kết quả (mức đạt được)"
        hint="Chọn một mức xếp loại."
        hintHidden
        errorElsewhere={faultOf('value')}
      >
        <Select {...bind('value')} ref={first}>
          <LevelOptions levels={ind.levels} none="— Chưa báo cáo —" />
        </Select>
      </Field>
    );
  return (
    <Field
      id={idOf('value')}
      label="Kết quả"
      hint={
        ind.kind === 'count'
          ? `Số nguyên, tính bằng ${ind.unitLabel}.`
          : 'Tỷ lệ phần trăm; phần thập phân dùng dấu phẩy, ví dụ 103,5.'
      }
      errorElsewhere={faultOf('value')}
    >
      <Input {...bind('value')} ref={first} inputMode="decimal" autoComplete="off" suffix={suffixOf(ind)} />
    </Field>
  );
}

/** Where the result shown now comes from, when none was entered for this period. */
export function RolledNote({ ind, rolled }: { ind: IndicatorDef; rolled: NonNullable<RowResultDto> }) {
  const source = sourceWords(rolled, ind);
  return (
    <p className="field-hint value-rolled">
      Chưa nhập kết quả riêng cho kỳ này; bảng đang hiện {rolled.display}
      {source && `, ${source}`}. Kết quả nhập ở đây sẽ được dùng thay.
    </p>
  );
}

/** "Xem trước khi lưu": the row as it will read with what is typed. */
export function ValuePreview({ id, ind, preview }: { id: string; ind: IndicatorDef; preview: Preview }) {
  return (
    <section className="value-preview" aria-labelledby={id}>
      <h3 id={id} className="value-preview-title">
        Xem trước khi lưu
      </h3>
      <dl className="value-preview-list">
        <div>
          <dt>Kế hoạch</dt>
          <dd>{shown(ind, preview.target)}</dd>
        </div>
        <div>
          <dt>Thực hiện</dt>
          <dd>{shown(ind, preview.result)}</dd>
        </div>
        <div>
          <dt>Tỷ lệ so với KH</dt>
          <dd>{preview.achievementX100 === null ? '—' : formatPercentX100(preview.achievementX100)}</dd>
        </div>
        <div>
          <dt>Đánh giá</dt>
          <dd>
            {/* The status inside the <dd>: a <dd> with a role of its own is no longer one (axe: definition-list). */}
            <span role="status" data-testid="status-preview">
              <StatusBadge status={preview.status} />
            </span>
          </dd>
        </div>
      </dl>
    </section>
  );
}
