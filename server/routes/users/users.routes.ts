import { z } from '@hono/zod-openapi';
import { createUserBody, patchUserBody, userSchema } from '../../../shared/accounts';
import { created, jsonBody, jsonContent, ok, routesUnder } from '../../lib/openapi';

const route = routesUnder('Người dùng');
const userOut = jsonContent(z.object({ user: userSchema }), 'Người dùng');

export const list = route.get('/api/users', {
  summary: 'Người dùng có quyền trong phạm vi mình quản lý',
  description:
    'Người quản trị toàn hệ thống thấy mọi người; cấp ủy thấy người có vai trò trên một đơn vị trong cây đơn vị của mình (kể cả người còn vai trò ở nơi khác, mà họ không sửa được), và chính mình.',
  responses: ok(jsonContent(z.object({ users: z.array(userSchema) }), 'Danh sách'), 401),
});

export const create = route.post('/api/users', {
  summary: 'Thêm người dùng và giao vai trò',
  description:
    'Vai trò: admin, committee, reporter, viewer, mỗi vai trò giao trên một đơn vị và có hiệu lực với cả cây đơn vị dưới nó. Cấp ủy chỉ giao được trong cây đơn vị của mình, và không giao vai trò admin.',
  request: { body: jsonBody(createUserBody) },
  responses: created(userOut, 400, 401, 403, 404, 409),
});

export const patch = route.patch('/api/users/{id}', {
  summary: 'Sửa người dùng: họ tên, mật khẩu, khóa tài khoản, vai trò',
  description:
    'Chỉ sửa được người mà quyền của người sửa bao trùm mọi vai trò người đó đang có (người quản trị toàn hệ thống sửa được mọi người); đã tạo ra người dùng không cho quyền gì thêm. "grants" thay toàn bộ vai trò (cấp ủy phải giữ ít nhất một). "password" đặt lại mật khẩu và đăng xuất mọi phiên của người đó; mật khẩu cần ít nhất 10 ký tự và không dễ đoán (weak_password). "active": false khóa tài khoản và đăng xuất mọi phiên; lịch sử của người đó vẫn giữ. Với chính mình chỉ sửa được họ tên: mật khẩu đổi qua POST /api/auth/password với mật khẩu hiện tại.',
  request: { params: z.object({ id: z.string() }), body: jsonBody(patchUserBody) },
  responses: ok(userOut, 400, 401, 403, 404),
});
