import { createUser, updateUser, visibleUsers } from '../../auth/users';
import { accessOf, createRouter } from '../../lib/router';
import * as routes from './users.routes';

export const usersRouter = createRouter()
  .openapi(routes.list, (c) => c.json({ users: visibleUsers(c.get('db'), accessOf(c)) }, 200))
  .openapi(routes.create, async (c) => {
    const log2N = c.get('security').scryptLog2N;
    return c.json({ user: await createUser(c.get('db'), accessOf(c), c.req.valid('json'), log2N) }, 201);
  })
  .openapi(routes.patch, async (c) => {
    const { id } = c.req.valid('param');
    const log2N = c.get('security').scryptLog2N;
    return c.json({ user: await updateUser(c.get('db'), accessOf(c), id, c.req.valid('json'), log2N) }, 200);
  });
