// Builds the app (electron-vite build) when out/ is missing or older than the sources.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const OUTPUTS = ['out/main/index.js', 'out/main/cli.js', 'out/preload/index.js', 'out/renderer/index.html'];
const SOURCES = ['electron', 'shared', 'renderer', 'package.json', 'electron.vite.config.ts'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isStale() {
  const outputs = OUTPUTS.map((p) => join(root, p));
  if (!outputs.every(existsSync)) return true;
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  return SOURCES.some((s) => existsSync(join(root, s)) && newestMtime(join(root, s)) > built);
}

/** Builds if needed; exits the process with a clear message when the build fails. */
function ensureBuild({ quiet = false } = {}) {
  if (!isStale()) return;
  if (!quiet) console.error('Building Tessera (first run or sources changed)…');
  const bin = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: quiet ? 'pipe' : ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(result.stderr ?? '');
    console.error('tessera: the build failed (see above).');
    process.exit(1);
  }
}

/** better-sqlite3 13 needs N-API 10, i.e. Node ≥ 22; older Node crashes on open. */
function checkNode() {
  if (Number(process.versions.napi) >= 10) return;
  console.error(
    `Tessera needs Node.js 22 or newer; this is ${process.version}.\n` +
      'Run it through npm (npm start, npm run web, npx tessera …), which uses the Node 22 that `npm install` brought, or install Node 22.',
  );
  process.exit(1);
}

module.exports = { ensureBuild, checkNode, isStale };
