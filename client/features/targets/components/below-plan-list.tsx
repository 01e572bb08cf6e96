import type { UnitDto } from '../../../../shared/schemas/units';
import type { BelowPlan } from '../utils/below';

type Unit = Pick<UnitDto, 'id' | 'name' | 'kind'>;

/** Who gets the target ("Sẽ giao cho") and who keeps their own ("Giữ chỉ tiêu riêng"), as a preview. */
export function BelowPlanList({
  plan,
  reading,
  kindsChosen,
}: {
  plan: BelowPlan<Unit>;
  reading: boolean;
  kindsChosen: boolean;
}) {
  if (!kindsChosen) return null;
  return (
    <section className="below-plan" aria-label="Các đơn vị sẽ nhận chỉ tiêu" aria-busy={reading}>
      {reading ? (
        <p className="field-hint">Đang xem chỉ tiêu hiện có của các đơn vị…</p>
      ) : plan.written.length + plan.kept.length === 0 ? (
        <p className="field-hint">Không có đơn vị trực thuộc nào thuộc các loại đã chọn.</p>
      ) : (
        <>
          <h3 className="below-plan-title">Sẽ giao cho {plan.written.length} đơn vị</h3>
          {plan.written.length === 0 && (
            <p className="field-hint">
              Mọi đơn vị đã có chỉ tiêu riêng; chọn “Thay bằng chỉ tiêu này” nếu muốn thay.
            </p>
          )}
          {plan.written.length > 0 && (
            <ul className="below-plan-list" data-testid="below-written">
              {plan.written.map(({ unit, replaces }) => (
                <li key={unit.id} data-unit={unit.id}>
                  {unit.name}
                  {replaces !== null && <span className="muted"> — thay chỉ tiêu đang có: {replaces}</span>}
                </li>
              ))}
            </ul>
          )}
          {plan.kept.length > 0 && (
            <>
              <h3 className="below-plan-title">Giữ chỉ tiêu riêng ({plan.kept.length} đơn vị)</h3>
              <ul className="below-plan-list" data-testid="below-kept">
                {plan.kept.map(({ unit, display }) => (
                  <li key={unit.id} data-unit={unit.id}>
                    {unit.name}: <strong>{display}</strong>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
