// `npm start`: build, then open the desktop app; where Electron's binary is missing or cannot start
// (no display), say so in one line and serve the same lab to a browser instead.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary, hasDisplay } from './electron-binary.mjs';

const build = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const passThrough = process.argv.slice(2);

function browserMode(why) {
  console.log(`gradlab: ${why}: starting browser mode instead.`);
  const serve = spawn(process.execPath, ['bin/gradlab.js', 'serve', ...passThrough], { stdio: 'inherit' });
  const forward = (signal) => serve.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  serve.on('exit', (code) => process.exit(code ?? 0));
}

const bin = electronBinary();
if (!bin) browserMode('no Electron binary is installed (run `npx install-electron` where the network allows)');
else if (!hasDisplay()) browserMode('no display for the desktop window');
else {
  const startedAt = Date.now();
  const app = spawn(bin, ['out/main/index.js'], { stdio: ['ignore', 'inherit', 'pipe'] });
  let stderr = '';
  app.stderr.on('data', (d) => {
    stderr += d;
    process.stderr.write(d);
  });
  app.on('exit', (code) => {
    // A window that could not open at all (missing libraries, refused display) dies at once.
    if (code !== 0 && Date.now() - startedAt < 5000)
      browserMode(`Electron could not start (${stderr.trim().split('\n')[0] || `exit ${code}`})`);
    else process.exit(code ?? 0);
  });
}
