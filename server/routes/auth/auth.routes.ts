import { z } from '@hono/zod-openapi';
import { changePasswordBody, loginBody, meSchema } from '../../../shared/accounts';
import { jsonBody, jsonContent, ok, routesUnder } from '../../lib/openapi';

const route = routesUnder('Đăng nhập');
const done = jsonContent(z.object({ ok: z.literal(true) }), 'Xong');

export const login = route.post('/api/auth/login', {
  summary: 'Đăng nhập',
  description:
    'Trả về người dùng và đặt cookie phiên (HttpOnly, SameSite=Lax, Secure khi dùng HTTPS), cùng cookie "chitieu_thiet_bi" đánh dấu trình duyệt đã đăng nhập đúng (chỉ gửi kèm lần đăng nhập sau, 180 ngày). Sai nhiều lần liên tiếp thì bị chậm lại, rồi bị từ chối (429) trong 15 phút: với trình duyệt lạ, tính theo tên đăng nhập và địa chỉ; trình duyệt đã đăng nhập đúng trước đó chỉ bị tính lần sai của chính nó, nên người khác đoán mật khẩu không khóa được chủ tài khoản. Mọi lần sai, kể cả tài khoản đã khóa, nhận cùng một câu trả lời.',
  request: { body: jsonBody(loginBody) },
  responses: ok(jsonContent(z.object({ user: meSchema }), 'Đã đăng nhập'), 400, 401, 429),
});

export const logout = route.post('/api/auth/logout', {
  summary: 'Đăng xuất',
  responses: ok(done),
});

export const me = route.get('/api/auth/me', {
  summary: 'Người đang đăng nhập và quyền của họ',
  responses: ok(jsonContent(z.object({ user: meSchema }), 'Người dùng'), 401),
});

export const changePassword = route.post('/api/auth/password', {
  summary: 'Đổi mật khẩu của chính mình',
  description:
    'Cách duy nhất để đổi mật khẩu của chính mình: cần mật khẩu hiện tại; mật khẩu mới ít nhất 10 ký tự và không dễ đoán (weak_password). Các phiên khác của người dùng bị đăng xuất.',
  request: { body: jsonBody(changePasswordBody) },
  responses: ok(done, 400, 401),
});
