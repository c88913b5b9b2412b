/** The schema compiler: schema files to the model, with diagnostics. */
export { compileSchema, compileSchemaAsync, compileSchemaStaged, type StagedCompile } from './compile';
export type { CompileResult } from './compile';
export type { CompileOptions, TypeCheckCache } from './compile-options';
export { startCompile, type CompileStart } from './compile-start';
export { Codes } from './codes';
export type { Code } from './codes';
