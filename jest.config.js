/** Jest runs the TypeScript tests through ts-jest, transpiling only (tsc checks types in CI). */
const os = require('os');

module.exports = {
  // Jest's default (cores - 1) runs everything in one process on a 2-core machine, leaving a core
  // idle: the tests are CPU-bound (the stand-in and its clients share a process), so use both.
  maxWorkers: Math.max(2, os.cpus().length - 1),
  // Jest's node environment plus Node's own require for the T-SQL grammar (see the file).
  testEnvironment: '<rootDir>/test/support/node-environment.js',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: { '^schemac$': '<rootDir>/src/api/index.ts' },
  testTimeout: 60000,
  // How long a worker may take to exit once the run is over before Jest kills it and warns "A
  // worker process has failed to exit gracefully". Jest's 500 ms is too short here. The workers
  // end with nothing left open (no sockets, servers, child processes, timers or threads). The
  // time goes on Node freeing a V8 heap of about 1 GB after its 'exit' event: 350-800 ms for
  // 0.9 GB in a bare node process on this 2-core machine when it is shared. A real leak keeps a
  // worker alive forever, so it still gets the warning, just later. The option exists for this
  // case: https://github.com/jestjs/jest/pull/15984 (Jest 30.4).
  workerGracefulExitTimeout: 5000,
};
