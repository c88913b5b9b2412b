/**
 * The schema API's types catch wrong schemas in the user's editor: each snippet is type-checked
 * with the project's TypeScript (standard decorators, no experimentalDecorators) against
 * src/api, and the errors are asserted.
 */
import * as path from 'path';
import * as ts from 'typescript';

const api = path.resolve(__dirname, '../../src/api/index.ts');

const header = "import { Check, Column, DefaultName, ForeignKey, Index, Mixin, PrimaryKey, Table, Unique, sql } from 'schemac';\n";

/** "line:col TScode" of the first occurrence of `needle` in the snippet (as the checker would count it). */
function at(body: string, needle: string, code: number): string {
  const text = header + body;
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`needle ${needle} not in snippet`);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1} TS${code}`;
}

/** Type-checks one snippet; returns its errors with their positions in it. */
function diagnosticsOf(body: string): { readonly at: string; readonly code: number; readonly message: string }[] {
  const file = path.resolve(__dirname, '__snippet__.schema.ts');
  const text = header + body;
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, strict: true, noEmit: true, skipLibCheck: true,
    types: [], lib: ['lib.es2022.d.ts'], baseUrl: '.', paths: { schemac: [api] },
  };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile;
  host.getSourceFile = (f, lang, ...rest) => (path.resolve(f) === file ? ts.createSourceFile(f, text, lang) : read.call(host, f, lang, ...rest));
  const program = ts.createProgram([file], options, host);
  const sf = program.getSourceFile(file);
  if (!sf) throw new Error('snippet not loaded');
  return ts.getPreEmitDiagnostics(program, sf).map((d) => {
    const { line, character } = sf.getLineAndCharacterOfPosition(d.start ?? 0);
    return { at: `${line + 1}:${character + 1}`, code: d.code, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') };
  });
}

/** Type-checks one snippet; returns "line:col TScode" for each error in it. */
function errorsOf(body: string): string[] {
  return diagnosticsOf(body).map((d) => `${d.at} TS${d.code}`);
}

describe('schema API types', () => {
  test('a correct table with mixin, indexes, keys and checks type-checks cleanly', () => {
    expect(errorsOf(`
@Mixin()
@Index('ix_{table}_active', ['isDeleted'], { activeOnly: true })
abstract class Base {
  @Column.uniqueidentifier({ default: sql\`NEWID()\`, primaryKey: { clustered: false } }) id!: string;
  @Column.bit({ default: false, softDelete: true }) isDeleted!: boolean;
}
@Table('tenants') class Tenant extends Base { @Column.nvarchar('max', { collation: 'Latin1_General_CI_AS' }) name!: string; }
@Table('orders', { schema: 'sales' })
@Index('ix_orders_x', ['tenantId', { column: 'createdAt', desc: true }], { include: ['total'], where: sql\`[total] > 0\` })
@Unique(['code'])
@Check('ck_orders_total', sql\`[total] >= 0\`)
@DefaultName('DF__orders__is_de__38996AB5', 'isDeleted')
@ForeignKey('fk_orders_tenant', ['tenantId'], () => Tenant, ['id'], { onDelete: 'CASCADE' })
class Order extends Base {
  @Column.uniqueidentifier() tenantId!: string;
  @Column.bigint({ identity: [1, 1] }) seq!: number;
  @Column.decimal(18, 2) total!: number;
  @Column.datetime2(3) createdAt!: Date;
  @Column.varchar(20) code!: 'a' | 'b';
  @Column.varbinary('max', { nullable: true }) blob!: Uint8Array | null;
}
@Table('lines') @PrimaryKey(['orderId', 'lineNo']) class Line {
  @Column.uniqueidentifier() orderId!: string;
  @Column.int() lineNo!: number;
}
void Order; void Line;`)).toEqual([]);
  });

  test('an index naming a field the class does not have is an error at that name', () => {
    const body = `
@Table('t') @Index('ix_t_a', ['emial'])
class T { @Column.varchar(10) email!: string; }`;
    expect(errorsOf(body)).toEqual([at(body, "'emial'", 2820)]);
  });

  test('@DefaultName of a misspelled field is an error at that name (an inherited field is fine)', () => {
    const body = `
@Mixin() abstract class Base { @Column.bit({ default: false }) isDeleted!: boolean; }
@Table('t') @DefaultName('DF__t__is_de__1', 'isDeleted') @DefaultName('DF__t__statu__2', 'stauts')
class T extends Base { @Column.varchar(10, { default: 'a' }) status!: string; }`;
    expect(errorsOf(body)).toEqual([at(body, "'stauts'", 2345)]);
  });

  test('a foreign key to a column the target does not have is an error on the foreign key', () => {
    const body = `
@Table('p') class P { @Column.int() id!: number; }
@Table('c') @ForeignKey('fk_c_p', ['pId'], () => P, ['idd'])
class C { @Column.int() pId!: number; }`;
    // Two overloads (with and without a name): TypeScript reports "no overload matches" on the call.
    expect(errorsOf(body)).toEqual([at(body, 'ForeignKey(', 2769)]);
  });

  test('a varchar decorator on a number field is an error on the decorator', () => {
    const body = `
@Table('t') class T { @Column.varchar(10) count!: number; }`;
    expect(errorsOf(body)).toEqual([at(body, 'Column.varchar', 1240)]);
  });

  test('options that do not fit the type family are errors (collation on int, identity on varchar)', () => {
    const body = `
@Table('t') class T {
  @Column.int({ collation: 'Latin1_General_CI_AS' }) a!: number;
  @Column.varchar(10, { identity: true }) b!: string;
}`;
    expect(errorsOf(body)).toEqual([at(body, 'collation', 2353), at(body, 'identity', 2353)]);
  });

  test('a default of the wrong literal type is an error', () => {
    const body = `
@Table('t') class T { @Column.int({ default: 'zero' }) a!: number; }`;
    expect(errorsOf(body)).toEqual([at(body, 'default', 2322)]);
  });

  test('interpolation in sql`...` is refused, since the compiler never runs the file', () => {
    const body = `
const x = 1;
@Table('t') @Check('ck', sql\`[a] > \${x}\`) class T { @Column.int() a!: number; }`;
    expect(errorsOf(body)).toEqual([at(body, 'x}', 2345)]);
  });
  test('SPARSE mistakes are editor errors: NOT NULL, a default, a type that cannot be sparse', () => {
    const body = `
@Table('s') class S {
  @Column.int({ nullable: true, sparse: true }) ok!: number | null;
  @Column.int({ sparse: true }) notNull!: number;
  @Column.int({ nullable: true, sparse: true, default: 0 }) withDefault!: number | null;
  @Column.geography({ nullable: true, sparse: true }) shape!: object | null;
}
void S;`;
    const errors = errorsOf(body);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(new RegExp(`^${at(body, '{ sparse: true }', 0).split(' ')[0]} `));
    expect(errors.some((e) => e.startsWith(at(body, 'default: 0', 0).split(' ')[0]))).toBe(true);
    expect(errors.some((e) => e.startsWith(at(body, 'sparse: true }) shape', 0).split(' ')[0]))).toBe(true);
  });
  test('temporal mistakes are editor errors: a period option on another type, a default on a period column, a bad retention', () => {
    const ok = `
@Table('v', { systemVersioning: { historyTable: '{table}_log', retention: { months: 6 } } }) class V {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.datetime2(7, { generatedAlways: 'rowStart', hidden: true }) validFrom!: Date;
  @Column.datetime2(7, { generatedAlways: 'rowEnd' }) validTo!: Date;
}
void V;`;
    expect(errorsOf(ok)).toEqual([]);
    const body = `
@Table('w', { systemVersioning: { retention: { months: 'six' } } }) class W {
  @Column.datetime({ generatedAlways: 'rowStart' }) a!: Date;
  @Column.datetime2(7, { generatedAlways: 'rowEnd', default: '2020-01-01' }) b!: Date;
}
void W;`;
    const errors = errorsOf(body);
    expect(errors).toHaveLength(3);
    const lineOf = (needle: string): string => at(body, needle, 0).split(':')[0];
    for (const needle of ["months: 'six'", "generatedAlways: 'rowStart'", "default: '2020-01-01'"]) {
      expect(errors.some((e) => e.startsWith(`${lineOf(needle)}:`))).toBe(true);
    }
  });
  test('the errors say what does not fit, in the API\'s terms (the editor shows these)', () => {
    const body = `
@Table('t') @Index('ix_t_a', ['emial']) @Index('ix_t_b', [{ column: 'emial', desc: true }]) @DefaultName('df_t', 'stauts')
class T {
  @Column.varchar(10) email!: string;
  @Column.varchar(10) count!: number;
  @Column.varchar(10) status!: string;
}
void T;`;
    const errors = diagnosticsOf(body);
    const pos = (needle: string): string => at(body, needle, 0).split(' ')[0];
    expect(errors.slice(0, 3)).toEqual([
      { at: pos("'emial'"), code: 2820, message: `Type '"emial"' is not assignable to type 'KeyColumn<T>'. Did you mean '"email"'?` },
      { at: pos("column: 'emial'"), code: 2820, message: `Type '"emial"' is not assignable to type 'ColumnOf<T>'. Did you mean '"email"'?` },
      { at: pos("'stauts'"), code: 2345, message: `Argument of type '"stauts"' is not assignable to parameter of type 'ColumnOf<T>'.` },
    ]);
    // The decorator of a field whose type does not fit: the chain ends with the field's type and the column's.
    expect(errors).toHaveLength(4);
    const lines = errors[3].message.split('\n');
    expect([errors[3].at, errors[3].code, lines[0], lines[lines.length - 1].trim()]).toEqual([
      pos('Column.varchar(10) count'), 1240, 'Unable to resolve signature of property decorator when called as an expression.',
      "Type 'number' is not assignable to type 'Nullable<string>'.",
    ]);
  });
});
