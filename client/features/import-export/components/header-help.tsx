import { IMPORT_HEADER, IMPORT_HEADER_VI } from '../../../../shared/import-export';

/**
 * How a file to import begins: its header line, in Vietnamese as the template writes it or in
 * English as the export (and other programs) write it, and what the type column says.
 */
export function HeaderHelp() {
  return (
    <div className="ie-header-help">
      <h3 className="section-title">Dòng đầu của tệp</h3>
      <p className="ie-text">Tên tám cột, đúng thứ tự này, bằng tiếng Việt như mẫu nhập:</p>
      <p className="ie-header-line">
        <code className="ie-code ie-code-vi" lang="vi">
          {IMPORT_HEADER_VI}
        </code>
      </p>
      <p className="ie-text">hoặc bằng tiếng Anh như tệp số liệu tải về:</p>
      <p className="ie-header-line">
        <code className="ie-code" lang="en">
          {IMPORT_HEADER}
        </code>
      </p>
      <p className="ie-text">
        Cột loại ghi “kết quả” hoặc “chỉ tiêu” (“kế hoạch”); với dòng đầu bằng tiếng Anh vẫn ghi được result
        hoặc target.
      </p>
    </div>
  );
}
