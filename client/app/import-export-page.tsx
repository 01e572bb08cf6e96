import { useRights } from '../features/auth/utils/use-rights';
import { ExportSection } from '../features/import-export/components/export-section';
import { ImportSection } from '../features/import-export/components/import-section';
import { rootUnits } from '../features/units/utils/unit-tree';
import { usePageTitle, useUnitPeriod } from './page-state';
import '../features/import-export/import-export.css';

/**
 * "Nhập, xuất Excel": a unit's targets and results of a period out to a spreadsheet, the
 * template a chi bộ fills, and a file back in, checked and previewed before it is written.
 * The unit and period of the export stay in the address.
 */
export function ImportExportPage() {
  const rights = useRights();
  usePageTitle('Nhập, xuất Excel');

  const {
    choose,
    unit,
    periodCode: period,
  } = useUnitPeriod(
    '/nhap-xuat',
    (list) => list.find((u) => rights.can('report', u.id)) ?? rootUnits(list)[0],
  );

  return (
    <div className="page-stack">
      <h1 className="page-title">Nhập, xuất Excel</h1>
      <p className="ie-lead">
        Tải số liệu hoặc mẫu nhập về, điền trong Excel, rồi nhập lại: máy kiểm tra từng dòng và cho xem trước
        những gì thay đổi trước khi ghi.
      </p>
      <ExportSection
        unit={unit ? { id: unit.id, name: unit.name } : undefined}
        period={period}
        onUnit={(u) => choose({ unit: u })}
        onPeriod={(p) => choose({ period: p })}
      />
      <ImportSection />
    </div>
  );
}
