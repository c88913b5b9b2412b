/**
 * The start of a project's compile: its folder checked, its schema files read and TypeScript's
 * native check started (src/compiler/compile-start.ts). Light to load, so a command starts the
 * check before it loads the compiler and the rest of what it runs (compile.ts takes it over).
 */
import * as fs from 'fs';
import type { CompileOptions } from '../compiler/compile-options';
import { startCompile, type CompileStart } from '../compiler/compile-start';
import { AppError } from './errors';
import type { Project } from './project';
import { fileTypeCheckCache } from './type-check-cache';

/**
 * The compiler options a project's config gives, for every compile of its schema (the working
 * tree's and, in `review`, a base ref's): one builder, so a config setting cannot reach one
 * compile and miss the other.
 */
export function compileOptionsOf(project: Project, typeCheck: boolean): CompileOptions {
  return {
    typeCheck, defaultSchema: project.config.defaultSchema, naming: project.config.naming,
    typeCheckCache: fileTypeCheckCache(project.root), descriptions: project.config.descriptions !== 'ignore',
    ...(project.config.externalSequences !== undefined ? { externalSequences: project.config.externalSequences } : {}),
  };
}

/** Starts compiling the project's schema; the caller hands the start to compile.ts (or discards it). */
export function startProjectCompile(project: Project, typeCheck: boolean): CompileStart {
  const dir = project.schemaDir;
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new AppError(`schema folder not found: ${project.schemaShown}`);
  }
  return startCompile(dir, compileOptionsOf(project, typeCheck));
}
