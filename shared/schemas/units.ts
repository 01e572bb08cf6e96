import { z } from 'zod';
import { UNIT_KINDS } from '../unit';
import { requiredText } from '../zod-vi';
import { unitIdSchema as id } from './common';

// Units: the organisation tree (docs/rules.md, "Units").

const name = requiredText('Tên', 200);

export const unitKindSchema = z.enum(UNIT_KINDS, {
  error: (iss) =>
    iss.input === undefined ? undefined : 'Loại đơn vị phải là một trong: dang_bo, chi_bo, don_vi, doan_the.',
});

export const createUnitBody = z.strictObject({
  parentId: id.nullable(),
  name,
  kind: unitKindSchema,
});

export const patchUnitBody = z
  .strictObject({
    parentId: id.nullable().optional(),
    name: name.optional(),
    kind: unitKindSchema.optional(),
    position: z.number().int().min(0).max(1_000_000).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: 'Cần ít nhất một trường để sửa.' });

export const unitSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  position: z.number(),
});

export type UnitDto = z.infer<typeof unitSchema>;
export type CreateUnitBody = z.infer<typeof createUnitBody>;
export type PatchUnitBody = z.infer<typeof patchUnitBody>;
