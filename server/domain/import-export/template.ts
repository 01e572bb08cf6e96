import type ExcelJS from 'exceljs';
import { formatValue } from '../../../shared/format';
import { MAX_IMPORT_BYTES, REMOVE_WORD } from '../../../shared/import-export';
import type { IndicatorDef } from '../../../shared/indicator';
import type { Period } from '../../../shared/period';
import type { UnitRow } from '../../db/schema';
import { type Catalogue, toIndicatorDef } from '../catalogue';
import { columnsToValue } from '../values';
import type { Stored } from './queries';
import type { TemplateRow } from './rows';

// The "Hướng dẫn" sheet of the template: how to fill it, and for each row of the data sheet
// what it is (the indicator's name, its unit of measure, the target) and what to type.

const NEEDS: Record<IndicatorDef['kind'], (def: IndicatorDef) => string> = {
  count: () => 'Số nguyên, ở cột giá trị',
  percent: () => 'Tỷ lệ phần trăm, nhiều nhất hai chữ số thập phân, ở cột giá trị',
  ratio: () => 'Ở cột tử số và cột mẫu số, số nguyên',
  level: (def) => `Một trong các mức: ${(def.levels ?? []).join('; ')} — ở cột giá trị`,
};

const STEPS = [
  'Điền kết quả vào trang "Số liệu": cột giá trị với chỉ tiêu số lượng, tỷ lệ phần trăm hay xếp loại; cột tử số và mẫu số với chỉ tiêu tỷ lệ, ví dụ 18 trên 20 đảng viên. Ô tô xám không cần điền.',
  'Không sửa các cột đơn vị, mã chỉ tiêu, kỳ, loại; không thêm, bớt hay đổi tên cột, không đổi tên trang "Số liệu".',
  'Số thập phân viết 92,5 hoặc 92.5; không dùng dấu chấm hay dấu phẩy để tách hàng nghìn (viết 1500, không viết 1.500).',
  `Dòng để trống kết quả thì kết quả đang lưu được giữ nguyên; ghi "${REMOVE_WORD}" ở cột giá trị để xóa kết quả đã báo cáo.`,
  'Cột ghi chú: minh chứng (số biên bản, quyết định…), không bắt buộc.',
  `Gửi lại tệp ở trang "Nhập, xuất Excel" (nhiều nhất ${MAX_IMPORT_BYTES / 1024 / 1024} MB). Máy kiểm tra từng dòng và cho xem trước những gì sẽ thay đổi rồi mới ghi; một dòng sai thì không dòng nào được ghi.`,
];

export function instructionsSheet(
  cat: Catalogue,
  unit: UnitRow,
  period: Period,
  rows: TemplateRow[],
  stored: Stored,
): (workbook: ExcelJS.Workbook) => void {
  return (workbook) => {
    const sheet = workbook.addWorksheet('Hướng dẫn');
    sheet.columns = [
      { width: 7 },
      { width: 36 },
      { width: 14 },
      { width: 52 },
      { width: 12 },
      { width: 24 },
      { width: 48 },
    ];
    const title = sheet.addRow(['Mẫu nhập kết quả thực hiện chỉ tiêu']);
    title.font = { bold: true, size: 14 };
    sheet.addRow([`Đơn vị: ${unit.name}; kỳ: ${period.label}.`]);
    sheet.addRow([]);
    STEPS.forEach((step, i) => {
      const row = sheet.addRow([`${i + 1}.`, step]);
      sheet.mergeCells(row.number, 2, row.number, 7);
      row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
      row.height = 32;
    });
    sheet.addRow([]);
    if (rows.length === 0) {
      sheet.addRow([
        `${unit.name} và các đơn vị trực thuộc chưa được giao chỉ tiêu nào trong ${period.label.toLowerCase()}.`,
      ]);
      return;
    }
    const head = sheet.addRow(['Dòng', 'Đơn vị', 'Mã', 'Chỉ tiêu', 'ĐVT', 'Kế hoạch', 'Cần nhập']);
    head.font = { bold: true };
    rows.forEach((r, i) => {
      const ind = cat.indicatorsById.get(r.indicatorId)!;
      const def = toIndicatorDef(ind);
      const target = stored.targets.get(r.unitId)?.get(r.indicatorId);
      const value = target ? columnsToValue(target) : null;
      const row = sheet.addRow([
        i + 2,
        cat.units.get(r.unitId)?.name ?? '',
        ind.code,
        ind.name,
        ind.unitLabel,
        value ? formatValue(def, value) : '',
        NEEDS[def.kind](def),
      ]);
      row.alignment = { wrapText: true, vertical: 'top' };
    });
  };
}
