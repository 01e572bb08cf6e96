import { expect } from 'vitest';

export const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

/** A refusal as the contract writes it: the status, the error body, one Vietnamese sentence. */
export function expectRefusal(res: { status: number; body: any }, status: number, code?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(typeof res.body.error.code).toBe('string');
  expect(res.body.error.message).toMatch(VIETNAMESE);
  expect(res.body.error.message.trim()).toMatch(/[.!?]$/);
  if (code) expect(res.body.error.code).toBe(code);
}
