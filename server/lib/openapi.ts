import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import { errorSchema } from '../../shared/schemas/common';

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/** A JSON request body; `required: false` where the route also takes none. */
export const jsonBody = <T extends z.ZodType>(schema: T, required = true) => ({
  content: { 'application/json': { schema } },
  required,
});

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Chưa đăng nhập, hoặc sai tên đăng nhập hay mật khẩu',
  403: 'Ngoài quyền của người dùng',
  404: 'Không tìm thấy',
  409: 'Xung đột với dữ liệu hiện có',
  422: 'Không làm được với dữ liệu này (chỉ tiêu không áp dụng cho loại đơn vị, kỳ chưa có gì để báo cáo)',
  423: 'Kỳ đã khóa sau hội nghị đánh giá',
  429: 'Đăng nhập sai quá nhiều lần',
};

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 422 | 423 | 429;

/** The contract's error body, documented for the given statuses. */
export function errors<S extends ErrorStatus>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, jsonContent(errorSchema, ERROR_DESCRIPTIONS[s] ?? 'Lỗi')]),
  ) as Record<S, ReturnType<typeof jsonContent<typeof errorSchema>>>;
}

type ErrorContents<S extends ErrorStatus> = ReturnType<typeof errors<S>>;

/** The answers of a route: `content` on success, and the contract's error for the given statuses. */
export function ok<C>(content: C): { 200: C };
export function ok<C, S extends ErrorStatus>(
  content: C,
  ...statuses: [S, ...S[]]
): { 200: C } & ErrorContents<S>;
export function ok(content: unknown, ...statuses: ErrorStatus[]): Record<number, unknown> {
  return { 200: content, ...errors(...statuses) };
}

/** The answers of a route that adds something: `content` with 201, and the given errors. */
export function created<C, S extends ErrorStatus>(content: C, ...statuses: [S, ...S[]]) {
  return { 201: content, ...errors(...statuses) };
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * The routes under one heading of the reference: `route.get(path, { summary, … })` is
 * `createRoute` with the method, the path and the heading.
 */
export function routesUnder(tag: string) {
  const tags = [tag];
  const of =
    <M extends Method>(method: M) =>
    <P extends string, R extends Omit<RouteConfig, 'method' | 'path' | 'tags'>>(path: P, config: R) =>
      createRoute({ method, path, tags, ...config });
  return { get: of('get'), post: of('post'), put: of('put'), patch: of('patch'), delete: of('delete') };
}

// The parameters many routes take, declared once. Each is sent as text and read by the handler
// (lib/lookups.ts), which names what is wrong with it.

/** The day statuses are judged on. */
export const asOfParam = z
  .string()
  .optional()
  .describe('Ngày tính trạng thái, YYYY-MM-DD; mặc định là hôm nay');

/** `?unit=&period=`: a unit and a period. */
export const unitPeriodQuery = z.object({ unit: z.string().optional(), period: z.string().optional() });

/** `?unit=&period=&asOf=`: a unit and a period, judged on a day. */
export const judgedQuery = unitPeriodQuery.extend({ asOf: asOfParam });

/** `/{unitId}/{period}`: what a unit enters for a period. */
export const unitPeriodParams = z.object({ unitId: z.string(), period: z.string() });

/** The answer of a removal. */
export const deleted = jsonContent(z.object({ deleted: z.literal(true) }), 'Đã xóa');
