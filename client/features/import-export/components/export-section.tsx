import { useId, useState } from 'react';
import type { ExportFormat } from '../../../../shared/import-export';
import { parsePeriod } from '../../../../shared/period';
import { PeriodPicker } from '../../periods/components/period-picker';
import { UnitPicker } from '../../units/components/unit-picker';
import { downloadFile, type FileKind, fileUrl } from '../api/download-file';

interface ExportSectionProps {
  unit: { id: string; name: string } | undefined;
  period: string;
  onUnit: (id: string) => void;
  onPeriod: (code: string) => void;
}

type State = { busy: string | null; notice: { tone: 'ok' | 'error'; text: string } | null };

const BUTTONS: { kind: FileKind; format: ExportFormat; label: string }[] = [
  { kind: 'export', format: 'xlsx', label: 'Tải Excel (.xlsx)' },
  { kind: 'export', format: 'csv', label: 'Tải CSV' },
  { kind: 'template', format: 'xlsx', label: 'Tải mẫu Excel' },
  { kind: 'template', format: 'csv', label: 'Tải mẫu CSV' },
];

/** "1. Tải về": the values of a unit's subtree for a period, or the template to fill. */
export function ExportSection({ unit, period, onUnit, onPeriod }: ExportSectionProps) {
  const headingId = useId();
  const [state, setState] = useState<State>({ busy: null, notice: null });
  const label = parsePeriod(period)?.label ?? period;
  const lower = label.charAt(0).toLowerCase() + label.slice(1);

  const download = async (kind: FileKind, format: ExportFormat) => {
    if (!unit) return;
    const id = `${kind}-${format}`;
    setState({ busy: id, notice: null });
    try {
      const name = await downloadFile(
        fileUrl(kind, { unit: unit.id, period, format }),
        `${kind === 'export' ? 'so-lieu' : 'mau-nhap'}.${format}`,
      );
      setState({ busy: null, notice: { tone: 'ok', text: `Đã tải "${name}".` } });
    } catch (err) {
      const text = err instanceof Error ? err.message : 'Không tải được tệp; hãy thử lại.';
      setState({ busy: null, notice: { tone: 'error', text } });
    }
  };

  const button = (b: (typeof BUTTONS)[number]) => {
    const busy = state.busy === `${b.kind}-${b.format}`;
    return (
      <button
        key={`${b.kind}-${b.format}`}
        type="button"
        className={`button${b.format === 'csv' ? ' button-secondary' : ''}`}
        aria-disabled={state.busy !== null || !unit}
        onClick={() => {
          if (state.busy === null && unit) void download(b.kind, b.format);
        }}
      >
        {busy ? 'Đang tải…' : b.label}
      </button>
    );
  };

  return (
    <section className="card ie-card" aria-labelledby={headingId}>
      <div className="card-head">
        <h2 id={headingId} className="card-title">
          Xuất ra tệp
        </h2>
        <p className="card-hint">Gồm đơn vị được chọn và mọi đơn vị trực thuộc.</p>
      </div>
      <div className="toolbar ie-pickers">
        <UnitPicker value={unit?.id} onChange={onUnit} />
        <PeriodPicker value={period} onChange={onPeriod} />
      </div>
      <div className="ie-downloads">
        <div className="ie-download">
          <h3 className="section-title">Số liệu đã nhập</h3>
          <p className="ie-text">
            Kế hoạch và kết quả {unit ? `của ${unit.name}` : ''} trong {lower}, đúng theo mẫu nhập: sửa trong
            Excel rồi nhập lại được.
          </p>
          <p className="ie-text ie-note">
            Dòng tiêu đề và cột loại ghi bằng tiếng Anh (<code className="ie-code">unit,code,period,…</code>,
            target, result) để các chương trình khác cũng đọc được, và nhập lại nguyên như vậy.
          </p>
          <div className="form-actions">{BUTTONS.filter((b) => b.kind === 'export').map(button)}</div>
        </div>
        <div className="ie-download">
          <h3 className="section-title">Mẫu nhập kết quả</h3>
          <p className="ie-text">
            Mỗi chỉ tiêu đã giao một dòng để chi bộ điền kết quả; bản Excel có trang hướng dẫn ghi kế hoạch
            của từng dòng.
          </p>
          <p className="ie-text ie-note">
            Dòng tiêu đề bằng tiếng Việt (<code className="ie-code ie-code-vi">đơn vị,mã chỉ tiêu,kỳ,…</code>
            ).
          </p>
          <div className="form-actions">{BUTTONS.filter((b) => b.kind === 'template').map(button)}</div>
        </div>
      </div>
      <p
        className={`ie-status ${state.notice?.tone === 'error' ? 'form-error' : 'form-success'}`}
        role="status"
      >
        {state.notice?.text ?? ''}
      </p>
    </section>
  );
}
