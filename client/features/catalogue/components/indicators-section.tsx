import { useId, useState } from 'react';
import type { IndicatorDto } from '../../../../shared/schemas/indicators';
import { EmptyState } from '../../../components/ui/empty-state';
import { Loaded } from '../../../components/ui/loaded';
import { SkeletonRows } from '../../../components/ui/loading';
import { useIndicators } from '../../indicators/api/get-indicators';
import { useUpdateIndicators } from '../../indicators/api/update-indicator';
import { focusLater } from '../utils/focus-later';
import { moveByOne } from '../utils/reorder';
import { ArrowIcon } from './arrow-icon';
import { IndicatorFormDialog } from './indicator-form-dialog';
import { IndicatorsTable } from './indicators-table';

type Open = { type: 'add' } | { type: 'edit'; indicator: IndicatorDto } | null;
type Action = 'edit' | 'up' | 'down' | 'archive' | 'restore';

const actionSelector = (code: string, action: Action) =>
  `tr[data-indicator="${code}"] [data-action="${action}"]`;

/**
 * "Chỉ tiêu": the catalogue in its order. Those who keep it (admins, committees of a root
 * unit) add, edit, reorder, archive and restore; everyone else reads it.
 */
export function IndicatorsSection({ canManage }: { canManage: boolean }) {
  const id = useId();
  const indicators = useIndicators();
  const change = useUpdateIndicators();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState('');
  const [rowError, setRowError] = useState<{ code: string; message: string } | null>(null);

  const all = indicators.data?.indicators;
  const active = all?.filter((i) => !i.archived) ?? [];
  const archived = all?.filter((i) => i.archived) ?? [];
  const headingId = `${id}-title`;

  const run = (
    ind: IndicatorDto,
    changes: { code: string; body: { position?: number; archived?: boolean } }[],
    message: string,
    focus: string,
  ) => {
    if (change.isPending) return;
    setRowError(null);
    setNotice('');
    change.mutate(changes, {
      onSuccess: () => {
        setNotice(message);
        focusLater(focus, `#${CSS.escape(headingId)}`);
      },
      onError: (error) => setRowError({ code: ind.code, message: error.message }),
    });
  };

  const move = (ind: IndicatorDto, index: number, delta: -1 | 1) => {
    const changes = moveByOne(active, index, delta, (i) => i.code);
    if (changes.length === 0) return;
    const atEnd = delta < 0 ? index + delta === 0 : index + delta === active.length - 1;
    run(
      ind,
      changes.map((c) => ({ code: c.key, body: { position: c.position } })),
      `Đã đưa chỉ tiêu ${ind.code} ${delta < 0 ? 'lên trên' : 'xuống dưới'}.`,
      actionSelector(ind.code, atEnd ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down'),
    );
  };

  const setArchived = (ind: IndicatorDto, value: boolean) =>
    run(
      ind,
      [{ code: ind.code, body: { archived: value } }],
      value
        ? `Đã lưu trữ chỉ tiêu ${ind.code}; số liệu đã nhập vẫn giữ nguyên.`
        : `Đã khôi phục chỉ tiêu ${ind.code}.`,
      // The row moved to the other list: the focus follows it, to undo at once if need be.
      actionSelector(ind.code, value ? 'restore' : 'archive'),
    );

  const rowActions = (ind: IndicatorDto, index: number) => {
    const pending = change.isPending || undefined;
    return (
      <>
        <div className="row-actions">
          <button
            type="button"
            className="button button-small button-secondary"
            data-action="edit"
            aria-label={`Sửa chỉ tiêu ${ind.code}`}
            onClick={() => setOpen({ type: 'edit', indicator: ind })}
          >
            Sửa
          </button>
          {ind.archived ? (
            <button
              type="button"
              className="button button-small button-secondary"
              data-action="restore"
              aria-label={`Khôi phục chỉ tiêu ${ind.code}`}
              aria-disabled={pending}
              onClick={() => setArchived(ind, false)}
            >
              Khôi phục
            </button>
          ) : (
            <>
              <span className="order-buttons">
                <button
                  type="button"
                  className="button button-small button-secondary order-button"
                  data-action="up"
                  aria-label={`Đưa chỉ tiêu ${ind.code} lên trên`}
                  title="Đưa lên trên"
                  disabled={index === 0}
                  aria-disabled={pending}
                  onClick={() => move(ind, index, -1)}
                >
                  <ArrowIcon direction="up" />
                </button>
                <button
                  type="button"
                  className="button button-small button-secondary order-button"
                  data-action="down"
                  aria-label={`Đưa chỉ tiêu ${ind.code} xuống dưới`}
                  title="Đưa xuống dưới"
                  disabled={index === active.length - 1}
                  aria-disabled={pending}
                  onClick={() => move(ind, index, 1)}
                >
                  <ArrowIcon direction="down" />
                </button>
              </span>
              <button
                type="button"
                className="button button-small button-secondary"
                data-action="archive"
                aria-label={`Lưu trữ chỉ tiêu ${ind.code}`}
                aria-disabled={pending}
                onClick={() => setArchived(ind, true)}
              >
                Lưu trữ
              </button>
            </>
          )}
        </div>
        {rowError?.code === ind.code && (
          <p className="form-error row-error" role="alert">
            {rowError.message}
          </p>
        )}
      </>
    );
  };

  return (
    <section className="card catalogue-section" aria-labelledby={headingId}>
      <div className="card-head">
        <div>
          <h2 id={headingId} className="card-title" tabIndex={-1}>
            Chỉ tiêu{all ? ` (${active.length})` : ''}
          </h2>
          <p className="card-hint">
            {canManage
              ? 'Theo thứ tự hiện trên bảng chỉ tiêu, biểu mẫu giao chỉ tiêu và báo cáo.'
              : 'Chỉ người quản trị hoặc cấp ủy cấp cao nhất mới sửa được danh mục chỉ tiêu.'}
          </p>
        </div>
        {canManage && (
          <button type="button" className="button" onClick={() => setOpen({ type: 'add' })}>
            Thêm chỉ tiêu
          </button>
        )}
      </div>
      <p className="form-success notice" role="status">
        {notice}
      </p>
      <Loaded
        query={indicators}
        data={all}
        errorTitle="Không tải được danh mục chỉ tiêu"
        loading={<SkeletonRows rows={6} label="Đang tải danh mục chỉ tiêu…" />}
      >
        {() => (
          <>
            {active.length === 0 ? (
              <EmptyState hint={canManage ? 'Hãy thêm chỉ tiêu bằng nút “Thêm chỉ tiêu”.' : undefined}>
                Danh mục chưa có chỉ tiêu nào đang dùng.
              </EmptyState>
            ) : (
              <IndicatorsTable
                indicators={active}
                catalogue={all}
                caption="Các chỉ tiêu đang dùng"
                actions={canManage ? rowActions : undefined}
              />
            )}
            {archived.length > 0 && (
              <section className="archived-block" aria-labelledby={`${id}-archived`}>
                <h3 id={`${id}-archived`} className="section-title">
                  Đã lưu trữ ({archived.length})
                </h3>
                <p className="card-hint archived-hint">
                  Không còn hiện để giao chỉ tiêu mới; số liệu đã nhập vẫn giữ nguyên. Khôi phục để dùng lại.
                </p>
                <IndicatorsTable
                  indicators={archived}
                  catalogue={all}
                  caption="Các chỉ tiêu đã lưu trữ"
                  archived
                  actions={canManage ? rowActions : undefined}
                />
              </section>
            )}
          </>
        )}
      </Loaded>

      {open && (
        <IndicatorFormDialog
          indicator={open.type === 'edit' ? open.indicator : undefined}
          onClose={() => setOpen(null)}
          onDone={(message) => {
            setRowError(null);
            setNotice(message);
          }}
        />
      )}
    </section>
  );
}
