#!/usr/bin/env node
'use strict';
// The installed entry point: runs the compiled CLI (npm run build writes dist/).
// The code cache first, so TypeScript's compiler is loaded through it when a command needs it.
// Not for help and the version: they load a few small modules, and reading the cache (the
// compiled code of every module a command may load, megabytes) costs them more than it saves.
const args = process.argv.slice(2);
const helpOnly = args.length === 0 || args[0] === 'help' || args.includes('--help') || args.includes('-h')
  || (args.length === 1 && (args[0] === '--version' || args[0] === '-V'));
if (!helpOnly) require('../dist/cli/code-cache.js').enableCodeCache();
const { run, endProcess } = require('../dist/cli/main.js');
run(process.argv).then(
  endProcess,
  (err) => { process.stderr.write(`schemac: ${err && err.message ? err.message : err}\n`); endProcess(1); },
);
