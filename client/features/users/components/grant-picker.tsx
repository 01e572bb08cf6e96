import { type GrantInput, ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from '../../../../shared/accounts';
import { indentedName, type PlaceOption } from '../utils/grant-options';

const EVERYWHERE_VALUE = '*';

/** A role and where it is given, among what the signed-in user may give. */
export function GrantPicker({
  idPrefix,
  places,
  value,
  onChange,
}: {
  idPrefix: string;
  places: Map<Role, PlaceOption[]>;
  value: GrantInput;
  onChange: (next: GrantInput) => void;
}) {
  const roles = [...places.keys()];
  const options = places.get(value.role) ?? [];

  const chooseRole = (role: Role) => {
    const next = places.get(role) ?? [];
    // Keep the unit when the new role may be given there too.
    const keep = next.some((p) => p.unitId === value.unitId);
    onChange({ role, unitId: keep ? value.unitId : (next[0]?.unitId ?? null) });
  };

  return (
    <div className="grant-picker">
      <div className="field grant-role">
        <label className="field-label" htmlFor={`${idPrefix}-role`}>
          Vai trò
        </label>
        <select
          id={`${idPrefix}-role`}
          className="select"
          value={value.role}
          onChange={(e) => chooseRole(e.target.value as Role)}
          aria-describedby={`${idPrefix}-role-hint`}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
        <p id={`${idPrefix}-role-hint`} className="field-hint">
          Quyền: {ROLE_DESCRIPTIONS[value.role]}.
        </p>
      </div>
      <div className="field grant-unit">
        <label className="field-label" htmlFor={`${idPrefix}-unit`}>
          Trên đơn vị
        </label>
        <select
          id={`${idPrefix}-unit`}
          className="select"
          value={value.unitId ?? EVERYWHERE_VALUE}
          onChange={(e) =>
            onChange({
              role: value.role,
              unitId: e.target.value === EVERYWHERE_VALUE ? null : e.target.value,
            })
          }
          aria-describedby={`${idPrefix}-unit-hint`}
        >
          {options.map((o) => (
            <option key={o.unitId ?? EVERYWHERE_VALUE} value={o.unitId ?? EVERYWHERE_VALUE}>
              {indentedName(o)}
            </option>
          ))}
        </select>
        <p id={`${idPrefix}-unit-hint`} className="field-hint">
          Có hiệu lực với cả các đơn vị trực thuộc.
        </p>
      </div>
    </div>
  );
}
