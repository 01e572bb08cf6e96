import { useState } from 'react';
import { kindsText } from '../../../../shared/unit';
import { Field, Select } from '../../../components/ui/field';
import { KindChecks } from '../../../components/ui/kind-checks';
import type { BelowPart } from '../utils/lines-draft';
import './below-parts.css';

export interface BelowOption {
  code: string;
  name: string;
  appliesTo?: string[] | undefined;
}

/**
 * The parts of a line that lie at the units below ("Lãnh đạo các đoàn thể đạt vững mạnh"): an
 * indicator judged at the units of some kinds below, over those that hold its target. Listed
 * with "Bỏ", and added through a small form: the indicator, then the kinds.
 */
export function BelowPartsEditor({
  idBase,
  lineNumber,
  parts,
  options,
  onAdd,
  onRemove,
}: {
  idBase: string;
  lineNumber: number;
  parts: BelowPart[];
  options: BelowOption[];
  onAdd: (part: BelowPart) => void;
  onRemove: (index: number) => void;
}) {
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [kinds, setKinds] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const nameOf = (c: string) => options.find((o) => o.code === c)?.name ?? c;
  const toggleId = `${idBase}-below-toggle`;

  const add = () => {
    if (!code) return setProblem('Hãy chọn chỉ tiêu.');
    if (kinds.length === 0) return setProblem('Hãy chọn ít nhất một loại đơn vị trực thuộc.');
    onAdd({ code, below: kinds });
    setCode('');
    setKinds([]);
    setProblem(null);
    setOpen(false);
    requestAnimationFrame(() => document.getElementById(toggleId)?.focus());
  };

  return (
    <div className="tl-below">
      {parts.length > 0 && (
        <p className="tl-below-label" id={`${idBase}-below-label`}>
          Gắn với chỉ tiêu ở đơn vị trực thuộc:
        </p>
      )}
      {parts.length > 0 && (
        <ul className="tl-below-list" aria-labelledby={`${idBase}-below-label`}>
          {parts.map((p, i) => (
            <li key={`${p.code}|${p.below.join()}`} data-code={p.code}>
              <span>
                {nameOf(p.code)} — <em>ở các {kindsText(p.below)} trực thuộc</em>
              </span>
              <button
                type="button"
                className="button button-secondary button-quiet button-small"
                aria-label={`Bỏ “${nameOf(p.code)}” ở các ${kindsText(p.below)} trực thuộc khỏi dòng ${lineNumber}`}
                onClick={() => onRemove(i)}
              >
                Bỏ
              </button>
            </li>
          ))}
        </ul>
      )}
      <button
        id={toggleId}
        type="button"
        className="button button-secondary button-small"
        aria-expanded={open}
        aria-controls={`${idBase}-below`}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? 'Đóng' : 'Thêm chỉ tiêu ở đơn vị trực thuộc'}
        <span className="visually-hidden"> cho dòng {lineNumber}</span>
      </button>
      {open && (
        <div id={`${idBase}-below`} className="tl-below-form">
          <Field id={`${idBase}-below-code`} label="Chỉ tiêu của các đơn vị trực thuộc">
            <Select
              value={code}
              onChange={(e) => {
                setCode(e.target.value);
                setProblem(null);
                const applies = options.find((o) => o.code === e.target.value)?.appliesTo;
                if (applies && kinds.length === 0) setKinds(applies.filter((k) => k !== 'dang_bo'));
              }}
            >
              <option value="">— Chọn chỉ tiêu —</option>
              {options.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.name}
                </option>
              ))}
            </Select>
          </Field>
          <KindChecks
            id={`${idBase}-below-kinds`}
            legend="Ở các đơn vị trực thuộc loại"
            hint="Đánh giá theo chỉ tiêu riêng của từng đơn vị; dòng đạt khi mọi đơn vị được giao đều đạt."
            chosen={kinds}
            onChange={(k) => {
              setKinds(k);
              setProblem(null);
            }}
          />
          {problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
          <div className="tl-below-actions">
            <button type="button" className="button button-small" onClick={add}>
              Thêm vào dòng {lineNumber}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
