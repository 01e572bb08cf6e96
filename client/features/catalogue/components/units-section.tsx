import { useMemo } from 'react';
import type { MeDto } from '../../../../shared/accounts';
import type { UnitDto } from '../../../../shared/schemas/units';
import { EmptyState } from '../../../components/ui/empty-state';
import type { Rights } from '../../auth/utils/use-rights';
import { useUnits } from '../../units/api/get-units';
import { useUpdateUnits } from '../../units/api/update-unit';
import { focusLater } from '../utils/focus-later';
import { allowedParents, managedForest, subtreeSizes, type UnitNode } from '../utils/managed-tree';
import { moveByOne } from '../utils/reorder';
import { unitKindLabel } from '../utils/unit-kind';
import { CatalogueSection, useCatalogueSection } from './catalogue-section';
import { MoveUnitDialog } from './move-unit-dialog';
import { RemoveUnitDialog } from './remove-unit-dialog';
import { arrowAfterMove, OrderButtons, RowButton } from './row-buttons';
import { UnitFormDialog } from './unit-form-dialog';

type Open =
  | { type: 'add'; parent: UnitDto | null }
  | { type: 'edit'; unit: UnitDto }
  | { type: 'move'; unit: UnitDto }
  | { type: 'remove'; unit: UnitDto };

type Action = 'add' | 'edit' | 'move' | 'up' | 'down' | 'remove';

const actionSelector = (unitId: string, action: Action) =>
  `[data-unit-id="${unitId}"] > .unit-row [data-action="${action}"]`;

/**
 * "Đơn vị": the tree of the units the user manages, each with what may be done to it: add a
 * unit under it, rename it or change its kind, move it under another unit, move it up or
 * down among its siblings, remove it. What the server would refuse is not offered.
 */
export function UnitsSection({ me, rights }: { me: MeDto; rights: Rights }) {
  const units = useUnits();
  const reorder = useUpdateUnits();
  const section = useCatalogueSection<Open>();
  const { headingId, open, setOpen, done } = section;

  const all = units.data?.units;
  const forest = useMemo(() => managedForest(all ?? [], (u) => rights.can('manage', u)), [all, rights]);
  const sizes = useMemo(() => subtreeSizes(forest), [forest]);
  const count = forest.reduce((n, root) => n + (sizes.get(root.unit.id) ?? 0), 0);

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
    done('');
    reorder.mutate(
      changes.map((c) => ({ id: c.key, body: { position: c.position } })),
      {
        onSuccess: () => {
          done(`Đã đưa “${node.unit.name}” ${delta < 0 ? 'lên trên' : 'xuống dưới'}.`);
          // The row moved: the focus stays on the button pressed, or on the other one at an end.
          focusLater(actionSelector(node.unit.id, arrowAfterMove(index, delta, siblings.length)));
        },
        onError: (error) => section.fail(node.unit.id, error.message),
      },
    );
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
            <RowButton
              action="add"
              label={`Thêm đơn vị trực thuộc ${name}`}
              onClick={() => setOpen({ type: 'add', parent: unit })}
            >
              <span className="label-long">Thêm đơn vị trực thuộc</span>
              <span className="label-short">Thêm</span>
            </RowButton>
            <RowButton action="edit" label={`Sửa ${name}`} onClick={() => setOpen({ type: 'edit', unit })}>
              Sửa
            </RowButton>
            {canMove(node) && (
              <RowButton
                action="move"
                label={`Chuyển ${name} sang đơn vị khác`}
                onClick={() => setOpen({ type: 'move', unit })}
              >
                Chuyển
              </RowButton>
            )}
            {siblings.length > 1 && (
              <span className="order-buttons">
                <OrderButtons
                  name={name}
                  index={index}
                  count={siblings.length}
                  pending={reorder.isPending}
                  onMove={(delta) => move(node, siblings, delta)}
                />
              </span>
            )}
            {canRemove(unit) && (
              <RowButton
                action="remove"
                label={`Xóa ${name}`}
                onClick={() => setOpen({ type: 'remove', unit })}
              >
                Xóa
              </RowButton>
            )}
          </div>
        </div>
        {section.rowErrorAt(unit.id)}
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
    <CatalogueSection
      state={section}
      title={`Đơn vị${all ? ` (${count})` : ''}`}
      hint="Các đơn vị bạn quản lý, theo thứ tự hiện trên bảng chỉ tiêu và báo cáo."
      action={
        me.can.createRootUnits && (
          <button
            type="button"
            className="button button-secondary"
            data-action="add-root"
            onClick={() => setOpen({ type: 'add', parent: null })}
          >
            Thêm đơn vị cấp cao nhất
          </button>
        )
      }
      query={units}
      list="danh sách đơn vị"
      rows={5}
      dialogs={
        <>
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
        </>
      }
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
    </CatalogueSection>
  );
}
