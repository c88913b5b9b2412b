/** The schema compiler: schema files to the model, with diagnostics. */
export { compileSchema, compileSchemaAsync, compileSchemaStaged, type StagedCompile } from './compile';
export type { CompileOptions, CompileResult, TypeCheckCache } from './compile';
export { Codes } from './codes';
export type { Code } from './codes';
