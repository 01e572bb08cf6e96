import { useId, useMemo, useState } from 'react';
import type { MeDto } from '../../../../shared/accounts';
import type { UnitDto } from '../../../../shared/schemas/units';
import { EmptyState } from '../../../components/ui/empty-state';
import { Loaded } from '../../../components/ui/loaded';
import { SkeletonRows } from '../../../components/ui/loading';
import type { Rights } from '../../auth/utils/use-rights';
import { useUnits } from '../../units/api/get-units';
import { useUpdateUnits } from '../../units/api/update-unit';
import { focusLater } from '../utils/focus-later';
import { allowedParents, managedForest, subtreeSizes, type UnitNode } from '../utils/managed-tree';
import { moveByOne } from '../utils/reorder';
import { unitKindLabel } from '../utils/unit-kind';
import { ArrowIcon } from './arrow-icon';
import { MoveUnitDialog } from './move-unit-dialog';
import { RemoveUnitDialog } from './remove-unit-dialog';
import { UnitFormDialog } from './unit-form-dialog';

type Open =
  | { type: 'add'; parent: UnitDto | null }
  | { type: 'edit'; unit: UnitDto }
  | { type: 'move'; unit: UnitDto }
  | { type: 'remove'; unit: UnitDto }
  | null;

type Action = 'add' | 'edit' | 'move' | 'up' | 'down' | 'remove';

const actionSelector = (unitId: string, action: Action) =>
  `[data-unit-id="${unitId}"] > .unit-row [data-action="${action}"]`;

/**
 * "Đơn vị": the tree of the units the user manages, each with what may be done to it: add a
 * unit under it, rename it or change its kind, move it under another unit, move it up or
 * down among its siblings, remove it. What the server would refuse is not offered.
 */
export function UnitsSection({ me, rights }: { me: MeDto; rights: Rights }) {
  const id = useId();
  const units = useUnits();
  const reorder = useUpdateUnits();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState('');
  const [rowError, setRowError] = useState<{ unitId: string; message: string } | null>(null);

  const all = units.data?.units;
  const forest = useMemo(() => managedForest(all ?? [], (u) => rights.can('manage', u)), [all, rights]);
  const sizes = useMemo(() => subtreeSizes(forest), [forest]);
  const count = forest.reduce((n, root) => n + (sizes.get(root.unit.id) ?? 0), 0);
  const headingId = `${id}-title`;

  const canRemove = (unit: UnitDto) =>
    unit.parentId === null ? me.can.createRootUnits : rights.can('manage', unit.parentId);

  const parentsFor = (unit: UnitDto) => allowedParents(all ?? [], forest, unit);

  // Somewhere to go: a managed unit outside its own subtree other than its present parent
  // (managed exactly when the unit is not the head of a tree), or the top level.
  const canMove = (node: UnitNode) =>
    count - (sizes.get(node.unit.id) ?? 1) - (node.depth > 0 ? 1 : 0) > 0 ||
    (me.can.createRootUnits && node.unit.parentId !== null);

  const move = (node: UnitNode, siblings: UnitDto[], delta: -1 | 1) => {
    if (reorder.isPending) return;
    const index = siblings.findIndex((u) => u.id === node.unit.id);
    const changes = moveByOne(siblings, index, delta, (u) => u.id);
    if (changes.length === 0) return;
    setRowError(null);
    setNotice('');
    reorder.mutate(
      changes.map((c) => ({ id: c.key, body: { position: c.position } })),
      {
        onSuccess: () => {
          setNotice(`Đã đưa “${node.unit.name}” ${delta < 0 ? 'lên trên' : 'xuống dưới'}.`);
          // The row moved: the focus stays on the button pressed, or on the other one at an end.
          const atEnd = delta < 0 ? index + delta === 0 : index + delta === siblings.length - 1;
          focusLater(
            actionSelector(node.unit.id, atEnd ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down'),
          );
        },
        onError: (error) => setRowError({ unitId: node.unit.id, message: error.message }),
      },
    );
  };

  const done = (message: string) => {
    setRowError(null);
    setNotice(message);
  };

  const siblingsUnder = (parentId: string | null) => (all ?? []).filter((u) => u.parentId === parentId);

  /** One unit and the units under it; `siblings` are those it can swap places with, itself included. */
  const renderNode = (node: UnitNode, siblings: UnitDto[]) => {
    const { unit } = node;
    const index = siblings.findIndex((u) => u.id === unit.id);
    const name = unit.name;
    return (
      <li key={unit.id} className="unit-item" data-unit-id={unit.id}>
        <div className="unit-row">
          <div className="unit-label">
            <span className="unit-name">{name}</span>
            <span className="unit-kind">{unitKindLabel(unit.kind)}</span>
          </div>
          <div className="row-actions unit-actions">
            <button
              type="button"
              className="button button-small button-secondary"
              data-action="add"
              aria-label={`Thêm đơn vị trực thuộc ${name}`}
              onClick={() => setOpen({ type: 'add', parent: unit })}
            >
              <span className="label-long">Thêm trực thuộc</span>
              <span className="label-short">Thêm</span>
            </button>
            <button
              type="button"
              className="button button-small button-secondary"
              data-action="edit"
              aria-label={`Sửa ${name}`}
              onClick={() => setOpen({ type: 'edit', unit })}
            >
              Sửa
            </button>
            {canMove(node) && (
              <button
                type="button"
                className="button button-small button-secondary"
                data-action="move"
                aria-label={`Chuyển ${name} sang đơn vị khác`}
                onClick={() => setOpen({ type: 'move', unit })}
              >
                Chuyển
              </button>
            )}
            {siblings.length > 1 && (
              <span className="order-buttons">
                <button
                  type="button"
                  className="button button-small button-secondary order-button"
                  data-action="up"
                  aria-label={`Đưa ${name} lên trên`}
                  title="Đưa lên trên"
                  disabled={index === 0}
                  aria-disabled={reorder.isPending || undefined}
                  onClick={() => move(node, siblings, -1)}
                >
                  <ArrowIcon direction="up" />
                </button>
                <button
                  type="button"
                  className="button button-small button-secondary order-button"
                  data-action="down"
                  aria-label={`Đưa ${name} xuống dưới`}
                  title="Đưa xuống dưới"
                  disabled={index === siblings.length - 1}
                  aria-disabled={reorder.isPending || undefined}
                  onClick={() => move(node, siblings, 1)}
                >
                  <ArrowIcon direction="down" />
                </button>
              </span>
            )}
            {canRemove(unit) && (
              <button
                type="button"
                className="button button-small button-secondary"
                data-action="remove"
                aria-label={`Xóa ${name}`}
                onClick={() => setOpen({ type: 'remove', unit })}
              >
                Xóa
              </button>
            )}
          </div>
        </div>
        {rowError?.unitId === unit.id && (
          <p className="form-error row-error" role="alert">
            {rowError.message}
          </p>
        )}
        {node.children.length > 0 && (
          <ul className="unit-tree unit-children" aria-label={`Trực thuộc ${name}`}>
            {node.children.map((child) =>
              renderNode(
                child,
                node.children.map((c) => c.unit),
              ),
            )}
          </ul>
        )}
      </li>
    );
  };

  return (
    <section className="card catalogue-section" aria-labelledby={headingId}>
      <div className="card-head">
        <div>
          <h2 id={headingId} className="card-title" tabIndex={-1}>
            Đơn vị{all ? ` (${count})` : ''}
          </h2>
          <p className="card-hint">Các đơn vị bạn quản lý, theo thứ tự hiện trên bảng chỉ tiêu và báo cáo.</p>
        </div>
        {me.can.createRootUnits && (
          <button
            type="button"
            className="button button-secondary"
            data-action="add-root"
            onClick={() => setOpen({ type: 'add', parent: null })}
          >
            Thêm đơn vị cấp cao nhất
          </button>
        )}
      </div>
      <p className="form-success notice" role="status">
        {notice}
      </p>
      <Loaded
        query={units}
        data={all}
        errorTitle="Không tải được danh sách đơn vị"
        loading={<SkeletonRows rows={5} label="Đang tải danh sách đơn vị…" />}
      >
        {() =>
          forest.length === 0 ? (
            <EmptyState hint="Chỉ cấp ủy hoặc người quản trị của một đơn vị mới thêm, sửa, chuyển hay xóa được các đơn vị của nó.">
              Bạn chưa quản lý đơn vị nào.
            </EmptyState>
          ) : (
            <ul className="unit-tree" aria-label="Cây đơn vị">
              {forest.map((root) =>
                renderNode(
                  root,
                  forest.filter((r) => r.unit.parentId === root.unit.parentId).map((r) => r.unit),
                ),
              )}
            </ul>
          )
        }
      </Loaded>

      {(open?.type === 'add' || open?.type === 'edit') && (
        <UnitFormDialog
          mode={
            open.type === 'add' ? { kind: 'add', parent: open.parent } : { kind: 'edit', unit: open.unit }
          }
          onClose={() => setOpen(null)}
          onDone={done}
        />
      )}
      {open?.type === 'move' && (
        <MoveUnitDialog
          unit={open.unit}
          parents={parentsFor(open.unit)}
          allowTop={me.can.createRootUnits}
          siblingsUnder={siblingsUnder}
          onClose={() => setOpen(null)}
          onDone={(message) => {
            done(message);
            // The row is drawn afresh under its new parent: the focus follows it there.
            focusLater(actionSelector(open.unit.id, 'move'), actionSelector(open.unit.id, 'edit'));
          }}
        />
      )}
      {open?.type === 'remove' && (
        <RemoveUnitDialog
          unit={open.unit}
          onClose={() => setOpen(null)}
          onDone={(message) => {
            done(message);
            const parentId = open.unit.parentId;
            focusLater(
              parentId ? actionSelector(parentId, 'add') : `#${CSS.escape(headingId)}`,
              `#${CSS.escape(headingId)}`,
            );
          }}
        />
      )}
    </section>
  );
}
