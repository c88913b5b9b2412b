#!/usr/bin/env node
'use strict';
// The installed entry point: runs the compiled CLI (npm run build writes dist/).
// The code cache first, so TypeScript's compiler is loaded through it when a command needs it.
require('../dist/cli/code-cache.js').enableCodeCache();
const { run, endProcess } = require('../dist/cli/main.js');
run(process.argv).then(
  endProcess,
  (err) => { process.stderr.write(`schemac: ${err && err.message ? err.message : err}\n`); endProcess(1); },
);
