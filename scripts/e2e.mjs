// `npm run test:e2e`: build the app, then drive the built renderer in Chromium through browser mode.
// Without a Chromium this fails loudly: end-to-end tests never pass by not running.
import { spawnSync } from 'node:child_process';
import { findChromium, CHROMIUM_MISSING } from './chromium.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(CHROMIUM_MISSING);
  process.exit(1);
}
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npx', ['electron-vite', 'build']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
