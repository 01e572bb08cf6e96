import { useId, useState } from 'react';
import type { GrantInput, UserDto } from '../../../../shared/accounts';
import { CancelButton, FormActions, FormError, SubmitButton } from '../../../components/ui/form';
import { Loading } from '../../../components/ui/loading';
import { type DoneDialogProps, ModalDialog, useDialogOutcome } from '../../../components/ui/modal-dialog';
import { grantLabel } from '../../auth/utils/grant-label';
import { useUnits } from '../../units/api/get-units';
import { useUpdateUser } from '../api/update-user';
import { useGrantPlaces } from '../utils/grant-options';
import { GrantPicker } from './grant-picker';

const keyOf = (g: GrantInput) => `${g.role}:${g.unitId ?? '*'}`;

type EditGrantsDialogProps = DoneDialogProps & { user: UserDto };

/**
 * "Sửa vai trò": add and remove the roles of one user. It opens only for users whose every
 * role the signed-in user covers (shared/rights.ts `canManageUser`), so all are editable.
 */
export function EditGrantsDialog({ user, onClose, onDone }: EditGrantsDialogProps) {
  const id = useId();
  const places = useGrantPlaces();
  const units = useUnits().data?.units;
  const update = useUpdateUser();

  const editable = user.grants;
  const [draft, setDraft] = useState<GrantInput[]>(() =>
    editable.map((g) => ({ role: g.role, unitId: g.unitId })),
  );
  const [adding, setAdding] = useState<GrantInput | null>(null);
  const { problem, setProblem, outcome } = useDialogOutcome({ onClose, onDone });

  const nameOf = (unitId: string | null) =>
    unitId === null
      ? null
      : (user.grants.find((g) => g.unitId === unitId)?.unitName ??
        units?.find((u) => u.id === unitId)?.name ??
        null);

  const firstRole = places ? (places.has('viewer') ? 'viewer' : [...places.keys()][0]) : undefined;
  const candidate: GrantInput | null =
    adding ??
    (firstRole
      ? {
          role: firstRole,
          unitId: places?.get(firstRole)?.find((p) => p.unitId !== null)?.unitId ?? null,
        }
      : null);

  const add = () => {
    if (!candidate) return;
    if (draft.some((g) => keyOf(g) === keyOf(candidate))) {
      setProblem(
        `Người dùng đã có vai trò “${grantLabel({ ...candidate, unitName: nameOf(candidate.unitId) })}”.`,
      );
      return;
    }
    setProblem(null);
    setDraft((d) => [...d, candidate]);
  };

  const remove = (g: GrantInput) => setDraft((d) => d.filter((x) => keyOf(x) !== keyOf(g)));

  const unchanged =
    draft.length === editable.length && draft.every((g) => editable.some((e) => keyOf(e) === keyOf(g)));

  const save = () => {
    if (update.isPending) return;
    if (unchanged) return onClose();
    setProblem(null);
    update.mutate(
      { id: user.id, body: { grants: draft } },
      outcome(`Đã lưu vai trò của “${user.username}”.`),
    );
  };

  return (
    <ModalDialog
      title={`Sửa vai trò: ${user.displayName}`}
      description={`Tên đăng nhập: ${user.username}. Mỗi vai trò có hiệu lực trên đơn vị được giao và các đơn vị trực thuộc.`}
      onClose={onClose}
    >
      <div className="form-stack">
        <section aria-labelledby={`${id}-current`}>
          <h3 id={`${id}-current`} className="section-title">
            Vai trò hiện có
          </h3>
          {draft.length === 0 ? (
            <p className="muted">
              Chưa có vai trò nào: hãy giữ ít nhất một; muốn ngừng cho người này đăng nhập thì khóa tài khoản.
            </p>
          ) : (
            <ul className="grant-list">
              {draft.map((g) => {
                const label = grantLabel({ ...g, unitName: nameOf(g.unitId) });
                return (
                  <li key={keyOf(g)} className="grant-item">
                    <span>{label}</span>
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      aria-label={`Bỏ vai trò ${label}`}
                      onClick={() => remove(g)}
                    >
                      Bỏ
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        <section aria-labelledby={`${id}-add`} className="grant-add">
          <h3 id={`${id}-add`} className="section-title">
            Thêm vai trò
          </h3>
          {!places || !candidate ? (
            <Loading label="Đang tải danh sách đơn vị…" />
          ) : (
            <>
              <GrantPicker idPrefix={`${id}-new`} places={places} value={candidate} onChange={setAdding} />
              <div>
                <button type="button" className="button button-secondary" onClick={add}>
                  Thêm vào danh sách
                </button>
              </div>
            </>
          )}
        </section>

        <FormError>{problem}</FormError>
        <FormActions>
          <SubmitButton pending={update.isPending} pendingLabel="Đang lưu…" onClick={save}>
            Lưu vai trò
          </SubmitButton>
          <CancelButton onClick={onClose} />
        </FormActions>
      </div>
    </ModalDialog>
  );
}
