import { z } from 'zod';
import { formatNumber } from './format';
import { clipQuote, hasVisibleText, isPlainText } from './text';

// Zod's messages, in Vietnamese and naming the field, for every check that a schema does
// not word itself. Installed once by shared/schemas/common.ts, so client and server say the same.

const FIELD_LABELS: Record<string, string> = {
  parentId: 'Đơn vị cấp trên',
  name: 'Tên',
  kind: 'Loại',
  position: 'Thứ tự',
  code: 'Mã chỉ tiêu',
  unitLabel: 'Đơn vị tính',
  direction: 'Chiều đánh giá',
  timeAggregate: 'Cách cộng dồn theo kỳ',
  levels: 'Các mức xếp loại',
  archived: 'Lưu trữ',
  value: 'Giá trị',
  numerator: 'Tử số',
  denominator: 'Mẫu số',
  note: 'Ghi chú',
  version: 'Phiên bản',
  unit: 'Đơn vị',
  parent: 'Đơn vị cấp trên',
  period: 'Kỳ',
  asOf: 'Ngày tính',
  unitId: 'Đơn vị',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'một chuỗi ký tự',
  number: 'một số',
  int: 'một số nguyên',
  boolean: 'true hoặc false',
  array: 'một danh sách',
  object: 'một đối tượng JSON',
  null: 'null',
};

export function fieldLabel(path: readonly PropertyKey[]): string {
  const named = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (named === undefined) return 'Dữ liệu gửi lên';
  return FIELD_LABELS[named] ?? `Trường "${named}"`;
}

export const vietnameseErrors: z.core.$ZodErrorMap = (iss) => {
  const label = fieldLabel(iss.path ?? []);
  if (iss.input === undefined && iss.code !== 'unrecognized_keys' && iss.code !== 'custom')
    return `Thiếu ${label.toLowerCase()}.`;
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return `Thiếu ${label.toLowerCase()}.`;
      return `${label} phải là ${TYPE_NAMES[iss.expected] ?? iss.expected}.`;
    case 'unrecognized_keys':
      return `Không nhận trường ${iss.keys.map((k) => `"${clipQuote(k)}"`).join(', ')}: hãy bỏ ${iss.keys.length > 1 ? 'chúng' : 'trường đó'} khỏi yêu cầu.`;
    case 'too_small':
      return iss.origin === 'string'
        ? `${label} không được để trống.`
        : `${label} phải từ ${String(iss.minimum)} trở lên.`;
    case 'too_big':
      return iss.origin === 'string'
        ? `${label} dài quá ${String(iss.maximum)} ký tự.`
        : `${label} phải không quá ${String(iss.maximum)}.`;
    case 'invalid_value':
      return `${label} phải là một trong: ${iss.values.map(String).join(', ')}.`;
    case 'invalid_union':
      return `${label} không hợp lệ.`;
    default:
      return `${label} không hợp lệ.`;
  }
};

z.config({ customError: vietnameseErrors });

/**
 * Refuses text no one means to store: control characters and broken Unicode (a lone
 * surrogate becomes "\uFFFD" on the way to the database), and, where the text must be
 * given, text with nothing visible in it (only zero-width characters or direction marks).
 */
export function plainText<T extends z.ZodString>(
  schema: T,
  label: string,
  { lines = false, required = true }: { lines?: boolean; required?: boolean } = {},
): T {
  const checked = schema.refine((s) => isPlainText(s, lines), {
    error: `${label} chứa ký tự không hợp lệ (ký tự điều khiển hoặc lỗi mã hóa); hãy gõ lại.`,
  });
  return required ? checked.refine(hasVisibleText, { error: `${label} không được để trống.` }) : checked;
}

/**
 * A text a person must give: trimmed, not empty, at most `max` characters and plain
 * (plainText), the messages naming it: "Tên không được để trống.", "Tên dài quá 200 ký tự.".
 * `notText` words the refusal of anything but a string; `lines` lets it hold line breaks.
 */
export function requiredText(
  label: string,
  max: number,
  options: { lines?: boolean; notText?: string } = {},
) {
  return plainText(
    z
      .string(options.notText === undefined ? undefined : { error: options.notText })
      .trim()
      .min(1, { error: `${label} không được để trống.` })
      .max(max, { error: `${label} dài quá ${formatNumber(max)} ký tự.` }),
    label,
    { lines: options.lines },
  );
}
