import { useId, useState } from 'react';
import { createPortal } from 'react-dom';
import { type LockDto, lockBody, unlockBody } from '../../../../shared/accounts';
import { vietnamDate } from '../../../../shared/vietnam-time';
import {
  fieldAmong,
  formRefusal,
  showRefusal,
  useSchemaForm,
} from '../../../components/forms/use-schema-form';
import { Field, Textarea } from '../../../components/ui/field';
import { CancelButton, FormActions, FormError, SubmitButton } from '../../../components/ui/form';
import { LockIcon } from '../../../components/ui/lock-icon';
import { type DoneDialogProps, ModalDialog } from '../../../components/ui/modal-dialog';
import { useLockPeriod } from '../api/lock-period';
import { useUnlockPeriod } from '../api/unlock-period';

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

interface LockBannerProps {
  unit: { id: string; name: string };
  period: { code: string; label: string };
  /** The lock closing this unit's period, from the dashboard. */
  lock: LockDto;
  /** Whether the person may unlock a lock placed on a unit (admin, or committee above it). */
  canUnlock: (unitId: string) => boolean;
  onUnlocked: (message: string) => void;
}

/**
 * "Đã khóa sau hội nghị đánh giá": which lock closes the period shown, who placed it and
 * when, with "Mở khóa" for those who may reopen it.
 */
export function LockBanner({ unit, period, lock, canUnlock, onUnlocked }: LockBannerProps) {
  const [open, setOpen] = useState(false);
  // Only a lock placed on this very unit is reopened from here; one from above is reopened there.
  const own = lock.unit.id === unit.id;
  const mayUnlock = own && canUnlock(unit.id);
  const mayUnlockAbove = !own && canUnlock(lock.unit.id);
  const covered = lock.unit.id !== unit.id || lock.period.code !== period.code;

  return (
    <section className="lock-banner" data-testid="lock-banner" aria-labelledby={`lock-${lock.unit.id}`}>
      <span className="lock-banner-icon">
        <LockIcon size={20} />
      </span>
      <div className="lock-banner-body">
        <h2 id={`lock-${lock.unit.id}`} className="lock-banner-title">
          Đã khóa sau hội nghị đánh giá
        </h2>
        <p className="lock-banner-meta">
          <span>
            <strong>{lock.period.label}</strong> — {lock.unit.name}
          </span>
          <span>
            Khóa bởi <strong>{lock.lockedBy}</strong>, ngày <strong>{vietnamDate(lock.lockedAt)}</strong>
          </span>
        </p>
        {lock.note && <p className="lock-banner-note">Ghi chú: {lock.note}</p>}
        {covered && (
          <p className="lock-banner-note">
            Số liệu {lowerFirst(period.label)} của {unit.name} nằm trong kỳ đã khóa này.
          </p>
        )}
        <p className="lock-banner-hint">
          {mayUnlock
            ? 'Kế hoạch và kết quả của kỳ này không sửa được cho đến khi mở khóa.'
            : mayUnlockAbove
              ? `Kế hoạch và kết quả của kỳ này không sửa được; muốn sửa, hãy mở khóa tại bảng chỉ tiêu của ${lock.unit.name}.`
              : 'Kế hoạch và kết quả của kỳ này không sửa được nữa; muốn sửa, hãy đề nghị cấp ủy cấp trên mở khóa.'}
        </p>
      </div>
      {mayUnlock && (
        <div className="lock-banner-actions">
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setOpen(true)}
          >
            Mở khóa
          </button>
        </div>
      )}
      {open &&
        createPortal(
          <UnlockDialog
            lock={lock}
            onClose={() => setOpen(false)}
            onDone={(message) => {
              setOpen(false);
              onUnlocked(message);
            }}
          />,
          document.body,
        )}
    </section>
  );
}

interface LockButtonProps {
  unit: { id: string; name: string };
  period: { code: string; label: string };
  /** Whether the person could reopen it: if not, the dialog warns them. */
  canUnlockAfter: boolean;
  onLocked: (message: string) => void;
}

/** "Khóa kỳ này", for those who plan, once the period's review conference is held. */
export function LockButton({ unit, period, canUnlockAfter, onLocked }: LockButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <div className="lock-bar">
      <p className="lock-bar-hint">Sau hội nghị đánh giá, khóa kỳ để giữ nguyên số liệu đã thông qua.</p>
      <button type="button" className="button button-secondary button-small" onClick={() => setOpen(true)}>
        <LockIcon size={14} />
        Khóa kỳ này
      </button>
      {open &&
        createPortal(
          <LockDialog
            unit={unit}
            period={period}
            canUnlockAfter={canUnlockAfter}
            onClose={() => setOpen(false)}
            onDone={(message) => {
              setOpen(false);
              onLocked(message);
            }}
          />,
          document.body,
        )}
    </div>
  );
}

type LockDialogProps = DoneDialogProps & {
  unit: { id: string; name: string };
  period: { code: string; label: string };
  canUnlockAfter: boolean;
};

function LockDialog({ unit, period, canUnlockAfter, onClose, onDone }: LockDialogProps) {
  const id = useId();
  const lock = useLockPeriod();
  const form = useSchemaForm(lockBody, { note: '' });

  const submit = form.handleSubmit(({ note }) => {
    if (lock.isPending) return;
    lock.mutate(
      { unitId: unit.id, period: period.code, note: note || undefined },
      {
        onSuccess: () => onDone(`Đã khóa ${lowerFirst(period.label)} của ${unit.name}.`),
        onError: (error) => showRefusal(form, error, fieldAmong('note')),
      },
    );
  });

  return (
    <ModalDialog
      title={`Khóa ${lowerFirst(period.label)}?`}
      description={unit.name}
      onClose={onClose}
      className="modal-narrow"
    >
      <form className="form-stack" onSubmit={submit} noValidate>
        <p>
          Sau khi khóa, không ai sửa được kế hoạch và kết quả {lowerFirst(period.label)} (và các kỳ nằm trong
          nó) của {unit.name} và các đơn vị trực thuộc.
        </p>
        {!canUnlockAfter && (
          <p className="lock-warning">
            Chỉ cấp ủy cấp trên hoặc người quản trị mới mở khóa được; bạn sẽ không tự mở lại được.
          </p>
        )}
        <Field
          id={`${id}-note`}
          label="Ghi chú (không bắt buộc)"
          hint="Ví dụ: Hội nghị đánh giá, xếp loại ngày 15/01/2027."
          error={form.formState.errors.note?.message}
        >
          <Textarea {...form.register('note')} rows={2} maxLength={500} data-autofocus />
        </Field>
        <FormError>{formRefusal(form)}</FormError>
        <FormActions>
          <SubmitButton pending={lock.isPending} pendingLabel="Đang khóa…">
            Khóa kỳ
          </SubmitButton>
          <CancelButton onClick={onClose} />
        </FormActions>
      </form>
    </ModalDialog>
  );
}

type UnlockDialogProps = DoneDialogProps & { lock: LockDto };

function UnlockDialog({ lock, onClose, onDone }: UnlockDialogProps) {
  const id = useId();
  const unlock = useUnlockPeriod();
  const form = useSchemaForm(unlockBody, { reason: '' });

  const submit = form.handleSubmit(({ reason }) => {
    if (unlock.isPending) return;
    unlock.mutate(
      { unitId: lock.unit.id, period: lock.period.code, reason },
      {
        onSuccess: () => onDone(`Đã mở khóa ${lowerFirst(lock.period.label)} của ${lock.unit.name}.`),
        onError: (error) => showRefusal(form, error, fieldAmong('reason')),
      },
    );
  });

  return (
    <ModalDialog
      title={`Mở khóa ${lowerFirst(lock.period.label)}?`}
      description={lock.unit.name}
      onClose={onClose}
      className="modal-narrow"
    >
      <form className="form-stack" onSubmit={submit} noValidate>
        <p>
          Kỳ này được khóa bởi {lock.lockedBy} ngày {vietnamDate(lock.lockedAt)}. Sau khi mở khóa, kế hoạch và
          kết quả lại sửa được; lý do được ghi vào lịch sử.
        </p>
        <Field id={`${id}-reason`} label="Lý do mở khóa" error={form.formState.errors.reason?.message}>
          <Textarea {...form.register('reason')} rows={3} maxLength={500} required data-autofocus />
        </Field>
        <FormError>{formRefusal(form)}</FormError>
        <FormActions>
          <SubmitButton pending={unlock.isPending} pendingLabel="Đang mở khóa…">
            Mở khóa
          </SubmitButton>
          <CancelButton onClick={onClose} />
        </FormActions>
      </form>
    </ModalDialog>
  );
}
