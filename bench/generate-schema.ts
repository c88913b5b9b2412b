/**
 * Writes a synthetic schema folder: the example's mixins and tenants table copied verbatim from
 * schema/, plus N generated *.schema.ts files, one BaseEntity table each.
 */
import * as fs from 'fs';
import * as path from 'path';
import { className, OWN_COLUMNS, OWN_INDEXES, parentOf, STATUS_VALUES, tableName } from './synthetic-table';

/** The example files every generated folder starts from (users.schema.ts is left out). */
const COPIED = ['audited-entity.schema.ts', 'base-entity.schema.ts', 'tenants.schema.ts'];

/** Where the example schema lives, relative to this file. */
const EXAMPLE_DIR = path.resolve(__dirname, '../schema');

/** File name of the i-th generated table. */
export function schemaFileName(i: number): string {
  return `${tableName(i).replace(/_/g, '-')}.schema.ts`;
}

/** Source text of the i-th generated table's schema file. */
export function schemaSource(i: number): string {
  const parent = parentOf(i);
  const imports = ["import { Column, ForeignKey, Index, Table } from 'schemac';", "import { BaseEntity } from './base-entity.schema';"];
  if (parent !== null) imports.push(`import { ${className(parent)} } from './${schemaFileName(parent).replace(/\.ts$/, '')}';`);
  const decorators = [`@Table('${tableName(i)}')`];
  if (parent !== null) decorators.push(`@ForeignKey('fk_{table}_parent', ['parentId'], () => ${className(parent)}, ['id'])`);
  decorators.push(...OWN_INDEXES.map((ix) => `@${ix.decorator}`));
  const fields = OWN_COLUMNS.map((c) => `  @${c.decorator}\n  ${c.field}!: ${c.tsType};\n`);
  return [
    `/** Synthetic table ${tableName(i)}, written by bench/generate-schema.ts. */`,
    ...imports,
    '',
    `/** Lifecycle of a row; becomes CHECK ck_{table}_status. */`,
    `type Status = ${STATUS_VALUES.map((v) => `'${v}'`).join(' | ')};`,
    '',
    ...decorators,
    `export class ${className(i)} extends BaseEntity {`,
    fields.join('\n') + '}',
    '',
  ].join('\n');
}

/** Writes the example mixins, tenants and `count` generated tables into `dir` (created if absent). */
export function writeSchemaFolder(dir: string, count: number): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const name of COPIED) fs.copyFileSync(path.join(EXAMPLE_DIR, name), path.join(dir, name));
  for (let i = 1; i <= count; i++) fs.writeFileSync(path.join(dir, schemaFileName(i)), schemaSource(i));
}
