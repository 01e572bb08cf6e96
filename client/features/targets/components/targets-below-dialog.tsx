import { useQueries } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import type { Period } from '../../../../shared/period';
import type { IndicatorDto } from '../../../../shared/schemas/indicators';
import type { UnitDto } from '../../../../shared/schemas/units';
import { kindsText, type UnitKind } from '../../../../shared/unit';
import { Field, Input, Select } from '../../../components/ui/field';
import { CancelButton, FormActions, FormError, SubmitButton } from '../../../components/ui/form';
import { KindChecks } from '../../../components/ui/kind-checks';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { valuesQueryOptions } from '../../values/api/get-values';
import { LevelOptions } from '../../values/components/value-fields';
import { checkTarget } from '../../values/utils/value-form';
import { useSetTargetsBelow } from '../api/set-targets-below';
import { kindsBelow, planBelow, unitsBelow } from '../utils/below';
import { BelowPlanList } from './below-plan-list';
import './targets-below.css';

/** The kinds a new indicator's target goes to at first: where it applies, among those below. */
const defaultKinds = (ind: IndicatorDto | undefined, present: string[]) =>
  ind?.appliesTo ? present.filter((k) => ind.appliesTo!.includes(k)) : [];

/**
 * "Giao cho từng đơn vị trực thuộc": one target for every unit of some kinds below the
 * committee ("các đoàn thể đạt vững mạnh", "mỗi chi bộ kết nạp ít nhất 01 đảng viên"), each
 * stored as that unit's own; those that have one keep it unless replacing is chosen. Shows
 * who gets it and who keeps their own before anything is sent.
 */
export function TargetsBelowDialog({
  unit,
  units,
  indicators,
  periods,
  onClose,
  onDone,
}: {
  unit: { id: string; name: string };
  units: UnitDto[];
  indicators: IndicatorDto[];
  periods: Period[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const id = useId();
  const send = useSetTargetsBelow();
  const below = useMemo(() => unitsBelow(units, unit.id), [units, unit.id]);
  const present = useMemo(() => kindsBelow(units, unit.id), [units, unit.id]);
  const offered = indicators.filter((i) => !i.archived);
  const [code, setCode] = useState(offered[0]?.code ?? '');
  const [period, setPeriod] = useState(periods[0]?.code ?? '');
  const [text, setText] = useState('');
  const ind = offered.find((i) => i.code === code);
  const [kinds, setKinds] = useState<string[]>(() => defaultKinds(ind, present));
  const [replace, setReplace] = useState(false);
  const [tried, setTried] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  // What each unit below of the kinds chosen holds now, for this indicator and period.
  const chosen = below.filter((u) => kinds.includes(u.kind));
  const values = useQueries({
    queries: chosen.map((u) => valuesQueryOptions({ unit: u.id, period })),
  });
  const currentOf = (unitId: string) => {
    const i = chosen.findIndex((u) => u.id === unitId);
    const data = values[i]?.data;
    if (!data) return undefined;
    return data.targets.find((t) => t.code === code)?.display ?? null;
  };
  const plan = planBelow(below, kinds, currentOf, replace);
  const reading = values.some((v) => v.isPending);

  const check = ind ? checkTarget(ind, text) : null;
  const valueProblem =
    check?.kind === 'invalid'
      ? check.message
      : tried && check?.kind === 'empty'
        ? 'Hãy nhập giá trị chỉ tiêu.'
        : undefined;
  const kindsProblem = tried && kinds.length === 0 ? 'Hãy chọn ít nhất một loại đơn vị.' : undefined;
  const outside = ind?.appliesTo ? kinds.filter((k) => !ind.appliesTo!.includes(k)) : [];
  const kindsError =
    kindsProblem ??
    (outside.length > 0 && ind
      ? `Chỉ tiêu này chỉ áp dụng cho ${kindsText(ind.appliesTo ?? [])}, không giao cho ${kindsText(outside)}.`
      : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setRefusal(null);
    if (send.isPending || !ind || check?.kind !== 'ok' || kinds.length === 0 || outside.length > 0) {
      const at =
        check?.kind !== 'ok' ? `#${CSS.escape(`${id}-value`)}` : `#${CSS.escape(`${id}-kinds`)} input`;
      document.querySelector<HTMLElement>(at)?.focus();
      return;
    }
    send.mutate(
      {
        unitId: unit.id,
        code: ind.code,
        period,
        value: check.send.value,
        kinds: kinds as UnitKind[],
        replace,
      },
      {
        onSuccess: ({ written, kept }) => {
          const label = periods.find((p) => p.code === period)?.label.toLowerCase() ?? period;
          onDone(
            `Đã giao chỉ tiêu “${ind.name}” ${label} cho ${written} ${kindsText(kinds)} trực thuộc ${unit.name}` +
              (kept > 0 ? `; ${kept} đơn vị giữ chỉ tiêu riêng đã có.` : '.'),
          );
          onClose();
        },
        onError: (error) => setRefusal(error.message),
      },
    );
  };

  return (
    <ModalDialog
      title="Giao cho từng đơn vị trực thuộc"
      description={`Cùng một chỉ tiêu cho mỗi đơn vị trực thuộc ${unit.name} thuộc các loại đã chọn, lưu thành chỉ tiêu riêng của từng đơn vị.`}
      onClose={onClose}
      className="below-dialog"
    >
      <form className="form-stack" onSubmit={submit} noValidate aria-label="Giao cho từng đơn vị trực thuộc">
        <div className="below-grid">
          <Field id={`${id}-code`} label="Chỉ tiêu">
            <Select
              data-autofocus
              value={code}
              onChange={(e) => {
                const next = offered.find((i) => i.code === e.target.value);
                setCode(e.target.value);
                setText('');
                if (next?.appliesTo) setKinds(defaultKinds(next, present));
              }}
            >
              {offered.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={`${id}-period`} label="Kỳ">
            <Select value={period} onChange={(e) => setPeriod(e.target.value)}>
              {periods.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            id={`${id}-value`}
            label={`Chỉ tiêu của mỗi đơn vị${ind?.kind === 'count' ? ` (${ind.unitLabel})` : ind?.kind === 'level' ? '' : ' (%)'}`}
            hint={ind?.kind === 'level' ? undefined : 'Gõ số như trên giấy: 1; 90; 92,5.'}
            error={valueProblem}
            live
          >
            {ind?.kind === 'level' ? (
              <Select value={text} onChange={(e) => setText(e.target.value)}>
                <LevelOptions levels={ind.levels} none="— Chọn mức —" />
              </Select>
            ) : (
              <Input value={text} autoComplete="off" onChange={(e) => setText(e.target.value)} />
            )}
          </Field>
        </div>
        <KindChecks
          id={`${id}-kinds`}
          legend="Giao cho các loại đơn vị"
          hint={
            present.length === 0
              ? `${unit.name} chưa có đơn vị trực thuộc.`
              : 'Tính cả các đơn vị ở cấp sâu hơn.'
          }
          error={kindsError}
          kinds={present}
          chosen={kinds}
          onChange={setKinds}
        />
        <fieldset className="below-replace">
          <legend className="field-label">Đơn vị đã có chỉ tiêu riêng</legend>
          <label className="kind-check">
            <input
              type="radio"
              name={`${id}-replace`}
              checked={!replace}
              onChange={() => setReplace(false)}
            />{' '}
            Giữ chỉ tiêu riêng của đơn vị
          </label>
          <label className="kind-check">
            <input type="radio" name={`${id}-replace`} checked={replace} onChange={() => setReplace(true)} />{' '}
            Thay bằng chỉ tiêu này
          </label>
        </fieldset>
        <BelowPlanList plan={plan} reading={reading} kindsChosen={kinds.length > 0} />
        <FormError>{refusal}</FormError>
        <FormActions>
          <SubmitButton pending={send.isPending} pendingLabel="Đang giao…">
            {plan.written.length > 0 ? `Giao cho ${plan.written.length} đơn vị` : 'Giao chỉ tiêu'}
          </SubmitButton>
          <CancelButton onClick={onClose} />
        </FormActions>
      </form>
    </ModalDialog>
  );
}
