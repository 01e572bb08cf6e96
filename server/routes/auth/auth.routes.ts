import { createRoute, z } from '@hono/zod-openapi';
import { changePasswordBody, loginBody, meSchema } from '../../../shared/accounts';
import { errors, jsonBody, jsonContent } from '../../lib/openapi';

const tags = ['Đăng nhập'];
const ok = jsonContent(z.object({ ok: z.literal(true) }), 'Xong');

export const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags,
  summary: 'Đăng nhập',
  description:
    'Trả về người dùng và đặt cookie phiên (HttpOnly, SameSite=Lax, Secure khi dùng HTTPS), cùng cookie "chitieu_thiet_bi" đánh dấu trình duyệt đã đăng nhập đúng (chỉ gửi kèm lần đăng nhập sau, 180 ngày). Sai nhiều lần liên tiếp thì bị chậm lại, rồi bị từ chối (429) trong 15 phút: với trình duyệt lạ, tính theo tên đăng nhập và địa chỉ; trình duyệt đã đăng nhập đúng trước đó chỉ bị tính lần sai của chính nó, nên người khác đoán mật khẩu không khóa được chủ tài khoản. Mọi lần sai, kể cả tài khoản đã khóa, nhận cùng một câu trả lời.',
  request: { body: jsonBody(loginBody) },
  responses: { 200: jsonContent(z.object({ user: meSchema }), 'Đã đăng nhập'), ...errors(400, 401, 429) },
});

export const logout = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags,
  summary: 'Đăng xuất',
  responses: { 200: ok },
});

export const me = createRoute({
  method: 'get',
  path: '/api/auth/me',
  tags,
  summary: 'Người đang đăng nhập và quyền của họ',
  responses: { 200: jsonContent(z.object({ user: meSchema }), 'Người dùng'), ...errors(401) },
});

export const changePassword = createRoute({
  method: 'post',
  path: '/api/auth/password',
  tags,
  summary: 'Đổi mật khẩu của chính mình',
  description:
    'Cách duy nhất để đổi mật khẩu của chính mình: cần mật khẩu hiện tại; mật khẩu mới ít nhất 10 ký tự và không dễ đoán (weak_password). Các phiên khác của người dùng bị đăng xuất.',
  request: { body: jsonBody(changePasswordBody) },
  responses: { 200: ok, ...errors(400, 401) },
});
