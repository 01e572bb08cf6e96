import { z } from 'zod';
import { hasVisibleText } from '../text';
import { plainText, requiredText } from '../zod-vi';

// What a committee's report carries besides its figures (docs/rules.md, "The report is a party
// document"): the names in its header, its number, the place it is signed at, who signs and to
// whom it goes. Kept with the unit, edited on the report page before downloading.

/** A text that may be left empty (the blank is filled in by hand), but not only invisible characters. */
const optionalText = (label: string, max: number) =>
  plainText(
    z
      .string({ error: `${label} phải là một đoạn chữ.` })
      .trim()
      .max(max, { error: `${label} dài quá ${max} ký tự.` }),
    label,
    { required: false },
  ).refine((s) => s === '' || hasVisibleText(s), {
    error: `${label} chỉ có ký tự không nhìn thấy; hãy gõ lại hoặc để trống.`,
  });

export const REPORT_SETTINGS_LIMITS = { recipients: 12 } as const;

export const reportSettingsFields = z.strictObject({
  /** The committee above, first line of the header: "ĐẢNG BỘ TỈNH ĐỒNG THÁP"; may be empty. */
  above: optionalText('Tên cấp ủy cấp trên', 200),
  /** The issuing committee: "ĐẢNG ỦY TRƯỜNG CHÍNH TRỊ". */
  issuer: requiredText('Tên cấp ủy ban hành', 200),
  /** The document's number, "15" in "Số 15-BC/ĐU"; empty leaves the blank to fill by hand. */
  number: optionalText('Số văn bản', 20),
  /** "BC/ĐU" for a Đảng ủy, "BC/CB" for a chi bộ. */
  symbol: requiredText('Ký hiệu văn bản', 30),
  /** Where it is signed: "Cao Lãnh"; empty leaves the blank. */
  place: optionalText('Địa danh', 100),
  /** "T/M ĐẢNG ỦY"; empty when the signer signs in their own name. */
  onBehalf: optionalText('Thẩm quyền ký', 100),
  /** "BÍ THƯ", "PHÓ BÍ THƯ". */
  signerTitle: requiredText('Chức vụ người ký', 100),
  /** "Nguyễn Phước Dũng"; empty leaves the space for the name. */
  signer: optionalText('Họ tên người ký', 100),
  /** "Nơi nhận", one per line, without the dash: "Ban Thường vụ Đảng ủy Khối (để báo cáo)". */
  recipients: z
    .array(requiredText('Mỗi nơi nhận', 200), { error: 'Nơi nhận phải là một danh sách.' })
    .max(REPORT_SETTINGS_LIMITS.recipients, {
      error: `Nơi nhận có nhiều nhất ${REPORT_SETTINGS_LIMITS.recipients} dòng.`,
    }),
});

export type ReportSettings = z.infer<typeof reportSettingsFields>;

/** PUT /api/units/:id/report-settings: the fields, and the version the screen saw (0: none stored). */
export const putReportSettingsBody = reportSettingsFields.extend({
  version: z.number({ error: 'Thiếu phiên bản (version) của thông tin văn bản.' }).int().min(0),
});

export const reportSettingsSchema = z.object({
  /** What the documents use: what was stored, or the defaults. */
  settings: reportSettingsFields,
  /** What a unit of this kind and place in the tree starts with. */
  defaults: reportSettingsFields,
  /** 0 while nothing is stored. */
  version: z.number(),
  updatedAt: z.string().nullable(),
});

export type ReportSettingsDto = z.infer<typeof reportSettingsSchema>;
export type PutReportSettingsBody = z.infer<typeof putReportSettingsBody>;
