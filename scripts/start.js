// `npm start`: the desktop app. Fetches the Electron runtime on first use; where it
// cannot be had (no network to its download server), says so and points to `npm run web`.
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { checkNode, ensureBuild } = require('./ensure-build.js');

const root = join(__dirname, '..');
// TESSERA_ELECTRON_DIR / TESSERA_SKIP_ELECTRON_DOWNLOAD let tests exercise the no-runtime path.
const electronDir = process.env.TESSERA_ELECTRON_DIR ?? join(root, 'node_modules', 'electron');

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

checkNode();
let binary = electronBinary();
if (!binary && process.env.TESSERA_SKIP_ELECTRON_DOWNLOAD !== '1' && existsSync(join(electronDir, 'install.js'))) {
  console.error('Fetching the Electron runtime (first start only)…');
  const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: root, encoding: 'utf8' });
  binary = install.status === 0 ? electronBinary() : null;
}
if (!binary) {
  console.error(
    [
      '',
      'Tessera cannot open its desktop window here: the Electron runtime is not installed',
      'and could not be downloaded (this machine cannot reach its download server).',
      '',
      'Use the same app in your browser instead:',
      '',
      '    npm run web',
      '',
      'It prints a local address (127.0.0.1 with an access token) that opens the demo workspace.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
ensureBuild();
const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
