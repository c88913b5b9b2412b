/** Jest runs the TypeScript tests through ts-jest, transpiling only (tsc checks types in CI). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: { '^schemac$': '<rootDir>/src/api/index.ts' },
  testTimeout: 60000,
};
