import { describe, expect, it } from 'vitest';
import { defaultReportSettings } from '../../../../shared/report-document';
import '../../../../shared/schemas/common';
import { fromForm, recipientsOf, sameSettings, settingsFormSchema, toForm } from './settings-form';

const defaults = defaultReportSettings({ name: 'Đảng bộ Trường Chính trị', kind: 'dang_bo' }, null);

describe('the report settings form', () => {
  it('holds the recipients one a line, and gives them back as the list', () => {
    const form = toForm(defaults);
    expect(form.recipients.split('\n')).toEqual(defaults.recipients);
    expect(fromForm(form)).toEqual(defaults);
    expect(recipientsOf('  Ban Thường vụ (để báo cáo) \n\n  Lưu VP \n')).toEqual([
      'Ban Thường vụ (để báo cáo)',
      'Lưu VP',
    ]);
  });

  it('checks with the server’s schema, the messages in Vietnamese and the line named', () => {
    const ok = settingsFormSchema.safeParse({ ...toForm(defaults), number: ' 15 ', place: 'Cao Lãnh' });
    expect(ok.success && ok.data).toMatchObject({
      number: '15',
      place: 'Cao Lãnh',
      recipients: defaults.recipients,
    });

    const empty = settingsFormSchema.safeParse({ ...toForm(defaults), issuer: '  ' });
    // The shared text schema says it by two of its checks; the form shows the field's first.
    expect(new Set(empty.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`))).toEqual(
      new Set(['issuer: Tên cấp ủy ban hành không được để trống.']),
    );

    const many = settingsFormSchema.safeParse({
      ...toForm(defaults),
      recipients: Array.from({ length: 13 }, (_, i) => `Nơi ${i + 1}`).join('\n'),
    });
    expect(many.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['recipients', 'Nơi nhận có nhiều nhất 12 dòng.'],
    ]);

    const long = settingsFormSchema.safeParse({ ...toForm(defaults), recipients: `Lưu\n${'x'.repeat(201)}` });
    expect(long.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['recipients', 'Dòng 2: Mỗi nơi nhận dài quá 200 ký tự.'],
    ]);
  });

  it('tells settings apart only where the document would differ', () => {
    expect(sameSettings(defaults, { ...defaults, place: '  ' })).toBe(true);
    expect(sameSettings(defaults, { ...defaults, place: 'Cao Lãnh' })).toBe(false);
    expect(sameSettings(defaults, { ...defaults, recipients: defaults.recipients.slice(1) })).toBe(false);
    expect(sameSettings(defaults, { ...defaults, recipients: [...defaults.recipients].reverse() })).toBe(
      false,
    );
  });
});
