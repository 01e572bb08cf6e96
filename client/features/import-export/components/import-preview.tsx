import { useId, useState } from 'react';
import { formatNumber } from '../../../../shared/format';
import { IMPORT_ACTIONS, type ImportAction, type ImportResponse } from '../../../../shared/import-export';
import { parsePeriod } from '../../../../shared/period';
import { ACTION_WORDS, changeCounts, shownValue, TYPE_WORDS } from '../utils/import-words';

interface ImportPreviewProps {
  answer: ImportResponse;
  writing: boolean;
  onWrite: () => void;
  onCancel: () => void;
}

const COUNT_LABELS: Record<ImportAction | 'skipped', string> = {
  create: 'Thêm mới',
  update: 'Sửa',
  delete: 'Xóa',
  same: 'Không đổi',
  skipped: 'Bỏ trống',
};

/** What the file would change: counts by action, each row before → after, and the button to write it. */
export function ImportPreview({ answer, writing, onWrite, onCancel }: ImportPreviewProps) {
  const id = useId();
  const [showSame, setShowSame] = useState(false);
  const shown = answer.changes.filter((c) => showSame || c.action !== 'same').sort((a, b) => a.row - b.row);
  const listedSame = answer.changes.filter((c) => c.action === 'same').length;
  const nothing = answer.written === 0;

  return (
    <div className="ie-preview">
      <h3 className="section-title" id={`${id}-title`}>
        Xem trước: {formatNumber(answer.rows)} dòng đọc được,{' '}
        {nothing ? 'không có gì thay đổi' : `${formatNumber(answer.written)} thay đổi`}
      </h3>
      <ul className="ie-counts" aria-label="Số dòng theo loại thay đổi">
        {[...IMPORT_ACTIONS, 'skipped' as const].map((a) => {
          const n = answer.counts[a];
          return (
            <li key={a} className={`ie-count ie-action-${a}${n === 0 ? ' is-zero' : ''}`}>
              {COUNT_LABELS[a]} <span className="ie-count-n">{formatNumber(n)}</span>
            </li>
          );
        })}
      </ul>
      {answer.counts.skipped > 0 && (
        <p className="field-hint">
          Dòng bỏ trống giá trị được giữ nguyên số liệu đang lưu; ghi “xóa” ở cột giá trị (value) để xóa một
          giá trị.
        </p>
      )}

      {listedSame > 0 && (
        <label className="ie-toggle">
          <input type="checkbox" checked={showSame} onChange={(e) => setShowSame(e.target.checked)} /> Hiện cả
          các dòng không đổi
        </label>
      )}

      {shown.length > 0 ? (
        <div className="ie-table-wrap">
          <table className="data-table ie-table ie-changes" aria-labelledby={`${id}-title`}>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Dòng
                </th>
                <th scope="col">Đơn vị</th>
                <th scope="col">Chỉ tiêu</th>
                <th scope="col">Kỳ</th>
                <th scope="col">Loại</th>
                <th scope="col">Thay đổi</th>
                <th scope="col">Trước → Sau</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={`${c.row}`} className={`is-${c.action}`}>
                  <td className="num" data-label="Dòng">
                    {formatNumber(c.row)}
                  </td>
                  <td data-label="Đơn vị" className="ie-wide">
                    {c.unit.name}
                  </td>
                  <td data-label="Chỉ tiêu" className="ie-wide">
                    {c.indicatorName} <span className="muted ie-code-inline">{c.code}</span>
                  </td>
                  <td data-label="Kỳ" className="ie-nowrap">
                    {parsePeriod(c.period)?.label ?? c.period}
                  </td>
                  <td data-label="Loại" className="ie-nowrap">
                    {TYPE_WORDS[c.type]}
                  </td>
                  <td data-label="Thay đổi">
                    <span className={`ie-action ie-action-${c.action}`}>{ACTION_WORDS[c.action]}</span>
                  </td>
                  <td data-label="Trước → Sau" className="ie-before-after">
                    {c.action === 'same' ? (
                      <span>{shownValue(c.after)}</span>
                    ) : (
                      <>
                        <span className="ie-before">{shownValue(c.before)}</span>
                        <span aria-hidden="true"> → </span>
                        <span className="visually-hidden"> thành </span>
                        <strong>{shownValue(c.after)}</strong>
                      </>
                    )}
                    {c.type === 'result' && c.after?.note && c.after.note !== c.before?.note && (
                      <span className="ie-note">Ghi chú: {c.after.note}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {answer.changesTotal > answer.changes.length && (
            <p className="field-hint ie-more">
              Chỉ hiện {formatNumber(answer.changes.length)} dòng đầu trong{' '}
              {formatNumber(answer.changesTotal)} dòng.
            </p>
          )}
        </div>
      ) : (
        <p className="ie-text">Số liệu trong tệp giống hệt số liệu đang lưu.</p>
      )}

      <div className="form-actions ie-write">
        <button
          type="button"
          className="button"
          aria-disabled={writing || nothing}
          onClick={() => {
            if (!writing && !nothing) onWrite();
          }}
        >
          {writing ? 'Đang ghi…' : 'Ghi vào cơ sở dữ liệu'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={writing}>
          Bỏ, chọn tệp khác
        </button>
        <span className="field-hint">
          {nothing
            ? 'Không có gì để ghi.'
            : `Sẽ ghi ${changeCounts(answer.counts)}, tất cả trong một lần: có lỗi thì không dòng nào được ghi.`}
        </span>
      </div>
    </div>
  );
}
