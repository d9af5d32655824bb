#!/usr/bin/env node
// The `tessera` command: checks Node, builds on first use, then runs the bundled CLI.
const { join } = require('node:path');
const { checkNode, ensureBuild } = require('../scripts/ensure-build.js');

checkNode();
ensureBuild({ quiet: true });
require(join(__dirname, '..', 'out', 'main', 'cli.js'));
