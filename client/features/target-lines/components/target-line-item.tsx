import type { Status } from '../../../../shared/judgement';
import type { DashboardRowDto } from '../../../../shared/schemas/dashboard';
import type { TargetLinePartDto } from '../../../../shared/schemas/target-lines';
import { FieldError } from '../../../components/ui/field';
import { StatusBadge } from '../../../components/ui/status-badge';
import type { BelowPart, DraftLine } from '../utils/lines-draft';
import { type BelowOption, BelowPartsEditor } from './below-parts-editor';
import { IndicatorPicker, type PickerOption } from './indicator-picker';
import { LineParts } from './line-parts';

export interface TargetLineItemProps {
  line: DraftLine;
  /** Its place in the list, from 1. */
  n: number;
  count: number;
  /** The stem of the ids of its fields: `${idBase}-text`, `${idBase}-up`… */
  idBase: string;
  status: Status | null;
  changed: boolean;
  parts: (DashboardRowDto | TargetLinePartDto)[];
  options: PickerOption[];
  belowParts: BelowPart[];
  belowOptions: BelowOption[];
  pickerOpen: boolean;
  textProblem: string | undefined;
  codesProblem: string | undefined;
  onText: (text: string) => void;
  onToggle: (code: string, on: boolean) => void;
  onPicker: (open: boolean) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
  onAddBelow: (part: BelowPart) => void;
  onRemoveBelow: (index: number) => void;
}

/** One line being written: its number, status and tools, its sentence, and the indicators bound to it. */
export function TargetLineItem(p: TargetLineItemProps) {
  const { line, n } = p;
  const idOf = (what: string) => `${p.idBase}-${what}`;
  const tool = (what: 'up' | 'down' | 'remove', label: string, onClick: () => void, disabled?: boolean) => (
    <button
      id={idOf(what)}
      type="button"
      className={`button button-secondary button-quiet button-small${what === 'remove' ? ' tl-remove' : ''}`}
      aria-label={label}
      disabled={disabled}
      onClick={onClick}
    >
      {what === 'up' ? (
        <>
          <span aria-hidden="true">↑</span> Lên
        </>
      ) : what === 'down' ? (
        <>
          <span aria-hidden="true">↓</span> Xuống
        </>
      ) : (
        'Xóa'
      )}
    </button>
  );
  return (
    <li
      className={`tl-line${p.changed ? ' is-changed' : ''}`}
      data-testid="target-line"
      data-status={p.status ?? undefined}
    >
      <div className="tl-line-head">
        <label className="tl-number" htmlFor={idOf('text')}>
          <span className="visually-hidden">Nội dung chỉ tiêu chủ yếu </span>
          {n}.
        </label>
        <div className="tl-line-state">
          {p.status ? <StatusBadge status={p.status} className="tl-status" /> : null}
          {p.changed && <span className="tl-unsaved">Chưa lưu</span>}
        </div>
        <div className="tl-tools">
          {tool('up', `Chuyển dòng ${n} lên`, () => p.onMove(-1), n === 1)}
          {tool('down', `Chuyển dòng ${n} xuống`, () => p.onMove(1), n === p.count)}
          {tool('remove', `Xóa dòng ${n}`, p.onRemove)}
        </div>
      </div>
      <textarea
        id={idOf('text')}
        className="input textarea tl-textarea"
        rows={2}
        maxLength={1000}
        value={line.text}
        placeholder="Ví dụ: Có 90% đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó có 20% hoàn thành xuất sắc nhiệm vụ"
        aria-invalid={p.textProblem ? true : undefined}
        aria-describedby={p.textProblem ? idOf('text-error') : undefined}
        onChange={(e) => p.onText(e.target.value)}
      />
      <FieldError id={idOf('text-error')} live>
        {p.textProblem}
      </FieldError>
      <div className="tl-bound">
        <LineParts parts={p.parts} label={`Các chỉ tiêu gắn với dòng ${n}`} />
        <IndicatorPicker
          idBase={p.idBase}
          lineNumber={n}
          options={p.options}
          chosen={line.codes}
          open={p.pickerOpen}
          onOpenChange={p.onPicker}
          onToggle={p.onToggle}
          errorId={p.codesProblem ? idOf('codes-error') : undefined}
        />
        <BelowPartsEditor
          idBase={p.idBase}
          lineNumber={n}
          parts={p.belowParts}
          options={p.belowOptions}
          onAdd={p.onAddBelow}
          onRemove={p.onRemoveBelow}
        />
        <FieldError id={idOf('codes-error')} live>
          {p.codesProblem}
        </FieldError>
      </div>
    </li>
  );
}
