// `npm run web`: the app in a browser tab, served by the local web host (tessera serve).
const { join } = require('node:path');
const { checkNode, ensureBuild } = require('./ensure-build.js');

checkNode();
ensureBuild();
process.argv = [process.argv[0], 'tessera', 'serve', ...process.argv.slice(2)];
require(join(__dirname, '..', 'out', 'main', 'cli.js'));
