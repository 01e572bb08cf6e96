import { type ReactNode, useId } from 'react';
import { REPORT_SETTINGS_LIMITS, type ReportSettings } from '../../../../shared/schemas/report-settings';
import { ConflictChoice } from '../../../components/editing/conflict-choice';
import { Field, Input, Textarea } from '../../../components/ui/field';
import { FormActions, FormError, SubmitButton } from '../../../components/ui/form';
import type { SettingsFormValues } from '../utils/settings-form';
import type { SettingsForm } from './use-settings-form';
import './report-settings.css';

const CHOICE = ['Giữ thông tin của tôi', 'Lấy thông tin hiện tại'] as const;

interface TextField {
  name: Exclude<keyof SettingsFormValues, 'recipients'>;
  label: string;
  hint?: string;
  /** Across two columns on a wide screen; a short one shares its row on a phone. */
  size?: 'wide' | 'short';
}

const HEADER: TextField[] = [
  {
    name: 'above',
    label: 'Cấp ủy cấp trên',
    hint: 'Dòng đầu bên trái, ví dụ: ĐẢNG BỘ TỈNH ĐỒNG THÁP. Để trống nếu không ghi.',
    size: 'wide',
  },
  { name: 'issuer', label: 'Cấp ủy ban hành', hint: 'In đậm, dưới cấp ủy cấp trên.', size: 'wide' },
];

const NUMBER: TextField[] = [
  { name: 'number', label: 'Số', hint: 'Để trống để ghi tay sau khi in.', size: 'short' },
  { name: 'symbol', label: 'Ký hiệu', hint: 'Ví dụ: BC/ĐU, BC/CB.', size: 'short' },
  { name: 'place', label: 'Địa danh', hint: 'Nơi ban hành, ví dụ: Cao Lãnh.' },
];

const SIGNATURE: TextField[] = [
  { name: 'onBehalf', label: 'Thẩm quyền ký', hint: 'Ví dụ: T/M ĐẢNG ỦY; để trống nếu ký tên mình.' },
  { name: 'signerTitle', label: 'Chức vụ người ký', hint: 'Ví dụ: BÍ THƯ, PHÓ BÍ THƯ.' },
  { name: 'signer', label: 'Họ tên người ký', hint: 'Để trống để ghi tay.' },
];

/** What the other person saved, in a sentence. */
const conflictText = (c: ReportSettings) =>
  `Hiện đang lưu: ${c.issuer}, số ${c.number || '(để trống)'}-${c.symbol}, ${c.place || '(chưa có địa danh)'}, người ký ${c.signer || '(để trống)'}.`;

/**
 * "Thông tin văn bản": what the report's header and closing say besides its figures, above the
 * paper, which follows the fields as they are typed. The committee of the unit (or above it)
 * saves them for every report of the unit; everyone else reads them. The date is the day's
 * own, not stored: it goes into the paper and the .docx only.
 */
export function ReportSettingsSection({
  s,
  date,
  onDate,
}: {
  s: SettingsForm;
  date: string;
  onDate: (date: string) => void;
}) {
  const id = useId();
  const { errors } = s.form.formState;
  const readOnly = !s.editable;

  const text = ({ name, label, hint, size }: TextField) => (
    <Field
      key={name}
      id={`${id}-${name}`}
      name={name}
      label={label}
      hint={readOnly ? undefined : hint}
      error={errors[name]?.message}
      className={size && `rs-${size}`}
    >
      <Input {...s.form.register(name)} type="text" autoComplete="off" readOnly={readOnly} />
    </Field>
  );

  const group = (legend: string, children: ReactNode) => (
    <fieldset className="rs-group">
      <legend className="rs-legend">{legend}</legend>
      <div className="rs-fields">{children}</div>
    </fieldset>
  );

  return (
    <details
      className="card report-settings report-actions"
      open={s.open}
      onToggle={(e) => s.setOpen(e.currentTarget.open)}
    >
      <summary className="rs-summary">
        <span className="card-title">Thông tin văn bản</span>
        <span className="rs-summary-hint">
          {s.dirty ? 'Có thay đổi chưa lưu' : 'Cấp ủy, số, địa danh, ngày ban hành, người ký, nơi nhận'}
        </span>
      </summary>
      <form
        className="rs-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void s.submit();
        }}
      >
        {readOnly ? (
          <p className="card-hint rs-readonly" data-testid="settings-readonly">
            Chỉ cấp ủy của đơn vị (hoặc cấp trên) sửa được thông tin văn bản; bạn có thể chọn ngày ban hành để
            in hoặc tải Word.
          </p>
        ) : (
          <p className="card-hint">
            Văn bản bên dưới thay đổi ngay khi gõ. Thông tin được lưu cho mọi báo cáo của đơn vị; ngày ban
            hành chỉ dùng cho lần in hoặc tải này.
          </p>
        )}
        {group('Tiêu đề', HEADER.map(text))}
        {group(
          'Số và ngày',
          <>
            {NUMBER.map(text)}
            <Field
              id={`${id}-date`}
              name="date"
              label="Ngày ban hành"
              hint={readOnly ? undefined : 'Không lưu; mặc định hôm nay.'}
            >
              <Input type="date" value={date} onChange={(e) => onDate(e.target.value)} required />
            </Field>
          </>,
        )}
        {group('Người ký', SIGNATURE.map(text))}
        <Field
          id={`${id}-recipients`}
          name="recipients"
          label="Nơi nhận"
          hint={
            readOnly
              ? undefined
              : `Mỗi dòng một nơi, không cần gạch đầu dòng (nhiều nhất ${REPORT_SETTINGS_LIMITS.recipients} dòng).`
          }
          error={errors.recipients?.message}
        >
          <Textarea {...s.form.register('recipients')} rows={4} readOnly={readOnly} />
        </Field>

        <div ref={s.saving.alertRef}>
          {s.conflict && (
            <ConflictChoice of={s.saving} at="settings" labels={CHOICE} onKeep={s.keepMine} testId="conflict">
              <p>{conflictText(s.conflict.settings)}</p>
            </ConflictChoice>
          )}
          <FormError>{s.saving.refusal?.message}</FormError>
        </div>

        {s.editable && (
          <FormActions className="rs-actions">
            {!s.conflict && (
              <SubmitButton pending={s.saving.saving} pendingLabel="Đang lưu…">
                Lưu thông tin văn bản
              </SubmitButton>
            )}
            <button
              type="button"
              className="button button-secondary"
              onClick={s.restoreDefaults}
              disabled={s.atDefaults}
            >
              Khôi phục mặc định
            </button>
            {s.dirty && (
              <button type="button" className="button button-secondary button-quiet" onClick={s.discard}>
                Bỏ thay đổi
              </button>
            )}
            <span className={`rs-dirty${s.dirty ? ' is-dirty' : ''}`} data-testid="settings-state">
              {s.dirty ? 'Có thay đổi chưa lưu' : s.stored.version > 0 ? 'Đã lưu' : 'Đang dùng mặc định'}
            </span>
          </FormActions>
        )}
        <p className={s.notice?.tone === 'ok' ? 'form-success' : 'form-note'} role="status">
          {s.notice?.text}
        </p>
      </form>
    </details>
  );
}
