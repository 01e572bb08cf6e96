// When a build is older than its sources: the time a file, or the newest file under a folder,
// was last changed (scripts/ensure-build.mjs, scripts/build-server.mjs).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const entry of readdirSync(path)) m = Math.max(m, newest(join(path, entry)));
  return m;
}
