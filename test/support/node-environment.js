/**
 * Jest's node test environment plus `__hostRequire`: Node's own require, outside Jest's
 * per-test-file module registry. Jest gives every test file fresh copies of every module, so the
 * T-SQL grammar (antlr4ts-sql) would deserialise itself and rebuild its prediction cache, seconds
 * of CPU, once per file; the grammar is pure code with no state a test could observe, so the
 * grammar helpers load it through this require and one worker warms it once (see host-require.ts).
 */
const { TestEnvironment } = require('jest-environment-node');

class SchemacTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__hostRequire = require;
  }
}

module.exports = SchemacTestEnvironment;
