// `npm start`: build the client if needed, then run the server (TypeScript through tsx).
import { register } from 'tsx/esm/api';
import { ensureClientBuild } from './ensure-build.mjs';

ensureClientBuild();
register();
await import('../server/index.ts');
