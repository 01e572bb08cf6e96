import type { IndicatorDto } from '../../../../shared/schemas/indicators';
import { kindsText } from '../../../../shared/unit';
import { Field, Select } from '../../../components/ui/field';
import { KindChecks } from '../../../components/ui/kind-checks';
import type { DerivedDraft } from '../utils/indicator-form';
import './derived-fields.css';

/**
 * "Đếm đơn vị trực thuộc theo xếp loại": a count or ratio computed from the units below, by
 * their result of a level indicator, "từ <mức> trở lên", of some kinds. Its result is never
 * typed: the server computes it with the roll-up.
 */
export function DerivedFields({
  id,
  draft,
  levelIndicators,
  ratio,
  error,
  onChange,
}: {
  id: string;
  draft: DerivedDraft;
  /** The catalogue's level indicators, the only ones units can be counted by. */
  levelIndicators: IndicatorDto[];
  ratio: boolean;
  error: string | undefined;
  onChange: (next: DerivedDraft) => void;
}) {
  const by = levelIndicators.find((i) => i.code === draft.indicator);
  const levels = by?.levels ?? [];
  const set = (patch: Partial<DerivedDraft>) => onChange({ ...draft, ...patch });
  const sentence =
    draft.on && by && draft.atLeast && draft.kinds.length > 0
      ? `${ratio ? 'Tỷ lệ' : 'Số'} ${kindsText(draft.kinds)} trực thuộc có "${by.name}" từ "${draft.atLeast}" trở lên${ratio ? ', trên số đơn vị đã được xếp loại' : ''}.`
      : null;
  return (
    <fieldset className="derived-fields" data-field="derived">
      <legend className="visually-hidden">Cách tính kết quả</legend>
      <label className="kind-check derived-switch">
        <input
          type="checkbox"
          checked={draft.on}
          aria-describedby={`${id}-switch-hint`}
          onChange={(e) => set({ on: e.target.checked })}
        />{' '}
        Đếm đơn vị trực thuộc theo xếp loại
      </label>
      <p id={`${id}-switch-hint`} className="field-hint">
        Kết quả tự tính từ xếp loại của các đơn vị trực thuộc (ví dụ “03 chi bộ hoàn thành tốt nhiệm vụ trở
        lên”), không nhập tay.
      </p>
      {draft.on &&
        (levelIndicators.length === 0 ? (
          <p className="form-error" role="alert">
            Danh mục chưa có chỉ tiêu loại mức xếp loại để đếm theo; hãy thêm chỉ tiêu xếp loại trước.
          </p>
        ) : (
          <div className="derived-grid">
            <Field id={`${id}-indicator`} label="Xếp loại theo chỉ tiêu" error={error} live>
              <Select
                value={draft.indicator}
                onChange={(e) => {
                  const next = levelIndicators.find((i) => i.code === e.target.value);
                  const keep = next?.levels?.includes(draft.atLeast);
                  set({ indicator: e.target.value, atLeast: keep ? draft.atLeast : '' });
                }}
              >
                <option value="">— Chọn chỉ tiêu xếp loại —</option>
                {levelIndicators.map((i) => (
                  <option key={i.code} value={i.code}>
                    {i.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id={`${id}-at-least`} label="Từ mức … trở lên">
              <Select value={draft.atLeast} disabled={!by} onChange={(e) => set({ atLeast: e.target.value })}>
                <option value="">— Chọn mức —</option>
                {[...levels].reverse().map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </Select>
            </Field>
            <KindChecks
              id={`${id}-kinds`}
              legend="Đếm các đơn vị loại"
              chosen={draft.kinds}
              onChange={(kinds) => set({ kinds })}
            />
            {sentence && (
              <p className="derived-sentence" data-testid="derived-sentence">
                {sentence}
              </p>
            )}
          </div>
        ))}
    </fieldset>
  );
}
