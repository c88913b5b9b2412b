#!/usr/bin/env node
// Runs the CLI from the TypeScript sources (no build), for development: node scripts/dev.js plan --empty
require('ts-node').register({ transpileOnly: true, project: require('path').join(__dirname, '../tsconfig.json') });
require('../src/cli/main').run(process.argv).then((c) => { process.exitCode = c; });
