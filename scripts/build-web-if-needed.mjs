// Builds the web app when web/dist is missing or older than its sources (used by `npm start`).
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dist = 'web/dist/index.html';
function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}
const stale =
  !fs.existsSync(dist) ||
  Math.max(newest('web/src'), newest('src/contracts'), newest('src/domain')) > fs.statSync(dist).mtimeMs;
if (stale) execSync('npm run build:web', { stdio: 'inherit' });
else console.log('web app is up to date');
