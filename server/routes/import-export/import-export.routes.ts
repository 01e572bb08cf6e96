import { z } from '@hono/zod-openapi';
import { formatNumber } from '../../../shared/format';
import {
  EXPORT_FORMATS,
  IMPORT_HEADER,
  IMPORT_HEADER_VI,
  importRefusalSchema,
  importResponseSchema,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_CELLS,
  MAX_IMPORT_ROWS,
  MAX_LISTED_CHANGES,
  MAX_LISTED_ERRORS,
  MAX_XLSX_SHARED_STRINGS_BYTES,
  MAX_XLSX_UNPACKED_BYTES,
} from '../../../shared/import-export';
import { sizeText } from '../../lib/body-limits';
import { errors, jsonContent, ok, routesUnder } from '../../lib/openapi';

const route = routesUnder('Nhập, xuất Excel');

const file = (description: string) => ({
  content: {
    'text/csv': { schema: { type: 'string' as const } },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: { type: 'string' as const, format: 'binary' },
    },
  },
  description,
});

const fileQuery = (fallback: (typeof EXPORT_FORMATS)[number]) =>
  z.object({
    unit: z.string().optional().openapi({ description: 'Mã đơn vị; gồm cả các đơn vị trực thuộc' }),
    period: z.string().optional().openapi({ description: 'Mã kỳ, ví dụ 2025, 2025-H1, NK2020-2025' }),
    format: z
      .string()
      .optional()
      .openapi({ enum: [...EXPORT_FORMATS], description: `csv hoặc xlsx; mặc định ${fallback}` }),
  });

export type FileQuery = z.infer<ReturnType<typeof fileQuery>>;

export const importFile = route.post('/api/import', {
  summary: 'Nhập chỉ tiêu và kết quả từ tệp CSV hoặc XLSX',
  description: [
    `Gửi tệp trong trường "file" của biểu mẫu multipart/form-data, nhiều nhất ${MAX_IMPORT_BYTES / 1024 / 1024} MB (quá thì 413). Dòng đầu của tệp là ${IMPORT_HEADER} hoặc, bằng tiếng Việt, ${IMPORT_HEADER_VI} (như mẫu nhập ghi): đủ tám cột theo thứ tự đó, mỗi ô so sánh không phân biệt hoa thường, bỏ khoảng trắng hai đầu, dạng Unicode NFC. Dòng tiêu đề khác (trộn hai thứ tiếng, thiếu hay thừa cột, sai thứ tự) bị từ chối: 400 invalid_header với một câu nói rõ chỗ sai.`,
    'unit: mã đơn vị, hoặc tên các đơn vị từ cấp trên cùng nối bằng " / " (gõ không dấu cũng được khi chỉ khớp một đơn vị). type: target, "chỉ tiêu" hoặc "kế hoạch" cho chỉ tiêu giao; result hoặc "kết quả" cho kết quả (với dòng tiêu đề nào cũng được, không phân biệt hoa thường và dấu). value: số lượng, tỷ lệ phần trăm, tên mức xếp loại, và kế hoạch của chỉ tiêu tỷ lệ; numerator và denominator: kết quả của chỉ tiêu tỷ lệ; note: ghi chú của kết quả.',
    'Số thập phân viết 92.5 hoặc 92,5; số có đúng ba chữ số sau dấu chấm hay dấu phẩy (1.500) bị từ chối vì không rõ là phần nghìn hay hàng nghìn. Dòng để trống cả value, numerator và denominator thì giữ nguyên giá trị đang lưu; value ghi "xóa" thì xóa giá trị đang lưu.',
    'Tất cả hoặc không: một dòng sai thì không dòng nào được ghi. 400 khi có dòng sai; 403 khi mọi dòng đều đúng nhưng có dòng ngoài quyền; 423 (period_locked) khi chỉ vướng kỳ đã khóa. Cả ba đều kèm "errors": mọi dòng có lỗi (kể cả lỗi quyền và khóa), mỗi lỗi có row (số dòng như bảng tính đánh số, dòng tiêu đề là 1), column và message; nhiều nhất ' +
      `${MAX_LISTED_ERRORS} lỗi, "errorCount" đếm tất cả.`,
    `dryRun=1: kiểm tra và trả lời như khi ghi thật nhưng không ghi gì. Câu trả lời 200 có "changes": từng dòng trước → sau (các dòng thay đổi trước, rồi các dòng không đổi; nhiều nhất ${MAX_LISTED_CHANGES} dòng), "counts" theo loại thay đổi.`,
    `Giới hạn khi đọc tệp, quá thì 413 với mã riêng, không dòng nào được ghi: ${formatNumber(MAX_IMPORT_ROWS)} dòng số liệu (too_many_rows), ${formatNumber(MAX_IMPORT_CELLS)} ô (too_many_cells); tệp XLSX giải nén ra nhiều nhất ${sizeText(MAX_XLSX_UNPACKED_BYTES)} (file_too_large_unpacked), phần chữ dùng chung ${sizeText(MAX_XLSX_SHARED_STRINGS_BYTES)} (shared_strings_too_large). Người chỉ có quyền xem nhận 403 trước khi tệp được đọc. Máy chủ đọc mỗi lúc một tệp, tám tệp khác chờ lượt; quá thì 429 (import_busy) với Retry-After.`,
  ].join('\n\n'),
  request: {
    query: z.object({
      dryRun: z.string().optional().openapi({ description: '1: chỉ kiểm tra, không ghi' }),
    }),
    body: {
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: {
              file: { type: 'string', format: 'binary', description: 'Tệp .csv (UTF-8) hoặc .xlsx' },
            },
            required: ['file'],
          },
        },
      },
      required: true,
    },
  },
  responses: {
    200: jsonContent(importResponseSchema, 'Đã nhập (hoặc, với dryRun, sẽ nhập) các dòng của tệp'),
    400: jsonContent(importRefusalSchema, 'Tệp hoặc có dòng không hợp lệ; không dòng nào được ghi'),
    403: jsonContent(importRefusalSchema, 'Có dòng ngoài quyền của người dùng; không dòng nào được ghi'),
    413: jsonContent(
      importRefusalSchema.pick({ error: true }),
      'Tệp quá lớn, hoặc vượt một giới hạn khi đọc',
    ),
    429: jsonContent(
      importRefusalSchema.pick({ error: true }),
      'Máy chủ đang đọc nhiều tệp nhập; gửi lại sau Retry-After giây',
    ),
    423: jsonContent(importRefusalSchema, 'Có dòng thuộc kỳ đã khóa; không dòng nào được ghi'),
    ...errors(401),
  },
});

export const exportFile = route.get('/api/export', {
  summary: 'Xuất chỉ tiêu và kết quả của một đơn vị và các đơn vị trực thuộc trong một kỳ',
  description: `Cùng bố cục với tệp nhập, dòng tiêu đề bằng tiếng Anh (${IMPORT_HEADER}) để các chương trình khác đọc được: nhập lại tệp xuất ra không thay đổi gì, xuất lại được tệp giống hệt. Thứ tự: theo cây đơn vị, rồi thứ tự chỉ tiêu, kế hoạch trước kết quả. Cột unit ghi tên các đơn vị từ cấp trên cùng, hoặc mã đơn vị khi tên trùng nhau hay có " / ". CSV mã UTF-8 có BOM, số viết với dấu chấm thập phân (92.5); XLSX với ô số là số.`,
  request: { query: fileQuery('csv') },
  responses: ok(file('Tệp CSV hoặc XLSX'), 400, 401, 403, 404),
});

export const importTemplate = route.get('/api/import/template', {
  summary: 'Mẫu nhập kết quả: một dòng cho mỗi chỉ tiêu đã giao của đơn vị và các đơn vị trực thuộc',
  description: `Dòng tiêu đề bằng tiếng Việt (${IMPORT_HEADER_VI}); mỗi chỉ tiêu đã giao trong kỳ có một dòng loại "kết quả" để điền kết quả (kết quả đã báo cáo được điền sẵn). Bản XLSX (mặc định) có thêm trang "Hướng dẫn": cách điền và kế hoạch của từng dòng.`,
  request: { query: fileQuery('xlsx') },
  responses: ok(file('Mẫu XLSX hoặc CSV'), 400, 401, 403, 404),
});
