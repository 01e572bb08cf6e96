import type { IndicatorDto } from '../../../../shared/schemas/indicators';
import { EmptyState } from '../../../components/ui/empty-state';
import { useIndicators } from '../../indicators/api/get-indicators';
import { useUpdateIndicators } from '../../indicators/api/update-indicator';
import { focusLater } from '../utils/focus-later';
import { moveByOne } from '../utils/reorder';
import { CatalogueSection, useCatalogueSection } from './catalogue-section';
import { IndicatorFormDialog } from './indicator-form-dialog';
import { IndicatorsTable } from './indicators-table';
import { arrowAfterMove, OrderButtons, RowButton } from './row-buttons';

type Open = { type: 'add' } | { type: 'edit'; indicator: IndicatorDto };
type Action = 'edit' | 'up' | 'down' | 'archive' | 'restore';

const actionSelector = (code: string, action: Action) =>
  `tr[data-indicator="${code}"] [data-action="${action}"]`;

/**
 * "Chỉ tiêu": the catalogue in its order. Those who keep it (admins, committees of a root
 * unit) add, edit, reorder, archive and restore; everyone else reads it.
 */
export function IndicatorsSection({ canManage }: { canManage: boolean }) {
  const indicators = useIndicators();
  const change = useUpdateIndicators();
  const section = useCatalogueSection<Open>();
  const { id, headingId, open, setOpen, done } = section;

  const all = indicators.data?.indicators;
  const active = all?.filter((i) => !i.archived) ?? [];
  const archived = all?.filter((i) => i.archived) ?? [];

  const run = (
    ind: IndicatorDto,
    changes: { code: string; body: { position?: number; archived?: boolean } }[],
    message: string,
    focus: string,
  ) => {
    if (change.isPending) return;
    done('');
    change.mutate(changes, {
      onSuccess: () => {
        done(message);
        focusLater(focus, `#${CSS.escape(headingId)}`);
      },
      onError: (error) => section.fail(ind.code, error.message),
    });
  };

  const move = (ind: IndicatorDto, index: number, delta: -1 | 1) => {
    const changes = moveByOne(active, index, delta, (i) => i.code);
    if (changes.length === 0) return;
    run(
      ind,
      changes.map((c) => ({ code: c.key, body: { position: c.position } })),
      `Đã đưa chỉ tiêu ${ind.code} ${delta < 0 ? 'lên trên' : 'xuống dưới'}.`,
      actionSelector(ind.code, arrowAfterMove(index, delta, active.length)),
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
    const pending = change.isPending;
    return (
      <>
        <div className="row-actions">
          <RowButton
            action="edit"
            label={`Sửa chỉ tiêu ${ind.code}`}
            onClick={() => setOpen({ type: 'edit', indicator: ind })}
          >
            Sửa
          </RowButton>
          {ind.archived ? (
            <RowButton
              action="restore"
              label={`Khôi phục chỉ tiêu ${ind.code}`}
              pending={pending}
              onClick={() => setArchived(ind, false)}
            >
              Khôi phục
            </RowButton>
          ) : (
            <>
              <span className="order-buttons">
                <OrderButtons
                  name={`chỉ tiêu ${ind.code}`}
                  index={index}
                  count={active.length}
                  pending={pending}
                  onMove={(delta) => move(ind, index, delta)}
                />
              </span>
              <RowButton
                action="archive"
                label={`Lưu trữ chỉ tiêu ${ind.code}`}
                pending={pending}
                onClick={() => setArchived(ind, true)}
              >
                Lưu trữ
              </RowButton>
            </>
          )}
        </div>
        {section.rowErrorAt(ind.code)}
      </>
    );
  };

  return (
    <CatalogueSection
      state={section}
      title={`Chỉ tiêu${all ? ` (${active.length})` : ''}`}
      hint={
        canManage
          ? 'Theo thứ tự hiện trên bảng chỉ tiêu, biểu mẫu giao chỉ tiêu và báo cáo.'
          : 'Chỉ người quản trị hoặc cấp ủy cấp cao nhất mới sửa được danh mục chỉ tiêu.'
      }
      action={
        canManage && (
          <button type="button" className="button" onClick={() => setOpen({ type: 'add' })}>
            Thêm chỉ tiêu
          </button>
        )
      }
      query={indicators}
      list="danh mục chỉ tiêu"
      rows={6}
      dialogs={
        open && (
          <IndicatorFormDialog
            indicator={open.type === 'edit' ? open.indicator : undefined}
            onClose={() => setOpen(null)}
            onDone={done}
          />
        )
      }
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
    </CatalogueSection>
  );
}
