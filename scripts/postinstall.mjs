// After `npm install`: fetch Electron's binary where the network allows, and never fail the install where it
// does not. Electron (≥ 45) has no install step of its own and would otherwise download on first launch;
// doing it here means a workstation that installed online can open the desktop app offline later.
// The optional native TensorFlow packages need nothing here: npm drops them when their download fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronInstallScript() {
  if (process.env.GRADLAB_ELECTRON_INSTALL) return process.env.GRADLAB_ELECTRON_INSTALL;
  try {
    return require.resolve('electron/install.js');
  } catch {
    return null;
  }
}

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log(
    'gradlab: ELECTRON_SKIP_BINARY_DOWNLOAD is set: not fetching Electron; `npm start` will use browser mode.',
  );
  process.exit(0);
}
const script = electronInstallScript();
if (!script || !existsSync(script)) {
  console.log('gradlab: the electron package is not installed; `npm start` will use browser mode.');
  process.exit(0);
}
const result = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 10 * 60 * 1000 });
if (result.status === 0) process.exit(0);
const reason = (result.stderr || result.stdout || String(result.error ?? 'unknown error')).trim().split('\n')[0];
console.log(
  `gradlab: Electron's binary could not be downloaded (${reason}); \`npm start\` will run the lab in browser mode. Retry with \`npx install-electron\`.`,
);
process.exit(0);
