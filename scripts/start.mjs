// `npm start`: build the client and the server if needed, then run the server with Node.
import { ensureServerBuild, SERVER_ENTRY } from './build-server.mjs';
import { ensureClientBuild } from './ensure-build.mjs';

ensureClientBuild();
await ensureServerBuild();
process.setSourceMapsEnabled(true);
await import(`../${SERVER_ENTRY}`);
