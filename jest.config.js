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
};
