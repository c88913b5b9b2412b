/**
 * The require to load pure, slow-to-initialise libraries with (the antlr T-SQL grammar): under
 * Jest, Node's own (set by node-environment.js), so their caches survive from one test file to
 * the next in a worker; anywhere else (ts-node, the stand-in's own process), the plain require.
 * Only modules whose state no test can observe belong here: Jest's mocks never reach them.
 */
export const hostRequire: NodeRequire = (globalThis as { __hostRequire?: NodeRequire }).__hostRequire ?? require;
