/**
 * Valid T-SQL that the antlr4ts-sql TSQL grammar (an older grammars-v4 snapshot) rejects.
 * Each entry was checked against Microsoft's T-SQL reference (`doc`) and is proven rejected by
 * test/emitters/tsql-grammar.test.ts, so the list cannot silently go stale: when a grammar
 * upgrade accepts one, that test fails and the entry is removed.
 */

/** One known gap of the grammar. */
export interface GrammarGap {
  readonly id: string;
  /** The statement form, as the T-SQL reference writes it. */
  readonly form: string;
  /** Matches a whole statement (from its first keyword) that falls in the gap. */
  readonly pattern: RegExp;
  /** The Microsoft T-SQL reference page the form was checked against. */
  readonly doc: string;
  /** A valid statement the grammar rejects. */
  readonly example: string;
}

/** An identifier, bracketed (with ]] inside) or regular; and a dotted name. */
const ID = String.raw`(?:\[(?:[^\]]|\]\])*\]|[A-Za-z_@#][\w@#$]*)`;
const QID = String.raw`${ID}(?:\s*\.\s*${ID})*`;
const ALTER = String.raw`^ALTER\s+TABLE\s+${QID}\s+`;
/** The literal forms the grammar's DEFAULT ... FOR rule does not take. */
const REJECTED_LITERAL = String.raw`(?:-|\d*\.\d|\d+e|\$|0x|NULL\b|NEXT\s+VALUE\s+FOR\b)`;

const ALTER_TABLE_DOC = 'https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/alter-table-transact-sql.md)';

/** Every known gap; expectValidTsql forgives errors only inside statements these match. */
export const GRAMMAR_GAPS: readonly GrammarGap[] = [
  {
    id: 'security-policy-schemabinding',
    form: 'CREATE SECURITY POLICY ... WITH ( STATE = { ON | OFF } [,] [ SCHEMABINDING = { ON | OFF } ] ) (the grammar takes only `SCHEMABINDING ON|OFF`, with no = and no comma)',
    pattern: new RegExp(`^CREATE\\s+SECURITY\\s+POLICY\\s+${QID}[\\s\\S]*\\bSCHEMABINDING\\s*=`, 'i'),
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/create-security-policy-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/create-security-policy-transact-sql.md): "[ WITH ( STATE = { ON | OFF } [,] [ SCHEMABINDING = { ON | OFF } ] ) ]"',
    example: 'CREATE SECURITY POLICY [sec].[p] ADD FILTER PREDICATE [sec].[f]([a]) ON [dbo].[t] WITH (STATE = ON, SCHEMABINDING = OFF);',
  },
  {
    id: 'with-check-add',
    form: 'ALTER TABLE t WITH { CHECK | NOCHECK } ADD <table_constraint> (the grammar takes only WITH CHECK ADD ... FOREIGN KEY)',
    pattern: new RegExp(`${ALTER}WITH\\s+(?:NOCHECK\\s+ADD\\b|CHECK\\s+ADD\\s+(?!CONSTRAINT\\s+${ID}\\s+FOREIGN\\b))`, 'i'),
    doc: `${ALTER_TABLE_DOC}: "[ WITH { CHECK | NOCHECK } ] ADD { ... | <table_constraint> }"`,
    example: 'ALTER TABLE [dbo].[t] WITH NOCHECK ADD CONSTRAINT [ck_t_a] CHECK ([a]>(0));',
  },
  {
    id: 'with-check-check-constraint',
    form: 'ALTER TABLE t WITH { CHECK | NOCHECK } CHECK CONSTRAINT c',
    pattern: new RegExp(`${ALTER}WITH\\s+(?:NO)?CHECK\\s+CHECK\\s+CONSTRAINT\\b`, 'i'),
    doc: `${ALTER_TABLE_DOC}: "[ WITH { CHECK | NOCHECK } ] { CHECK | NOCHECK } CONSTRAINT { ALL | constraint_name [ ,...n ] }"`,
    example: 'ALTER TABLE [dbo].[t] WITH CHECK CHECK CONSTRAINT [ck_t_a];',
  },
  {
    id: 'nocheck-constraint',
    form: 'ALTER TABLE t NOCHECK CONSTRAINT c',
    pattern: new RegExp(`${ALTER}NOCHECK\\s+CONSTRAINT\\b`, 'i'),
    doc: `${ALTER_TABLE_DOC}: "[ WITH { CHECK | NOCHECK } ] { CHECK | NOCHECK } CONSTRAINT ..."`,
    example: 'ALTER TABLE [dbo].[t] NOCHECK CONSTRAINT [ck_t_a];',
  },
  {
    id: 'drop-constraint-if-exists',
    form: 'ALTER TABLE t DROP CONSTRAINT IF EXISTS c',
    pattern: new RegExp(`${ALTER}DROP\\s+CONSTRAINT\\s+IF\\s+EXISTS\\b`, 'i'),
    doc: `${ALTER_TABLE_DOC}: "DROP [ { [ CONSTRAINT ] [ IF EXISTS ] { constraint_name ... } ] }" (SQL Server 2016 and later)`,
    example: 'ALTER TABLE [dbo].[t] DROP CONSTRAINT IF EXISTS [ck_t_a];',
  },
  {
    id: 'set-option-list',
    form: 'SET option [ , option ... ] { ON | OFF }',
    pattern: new RegExp(`^SET\\s+${ID}\\s*,`, 'i'),
    doc: 'https://learn.microsoft.com/sql/relational-databases/views/create-indexed-views (MicrosoftDocs/sql-docs docs/relational-databases/views/create-indexed-views.md): "SET ANSI_PADDING, ANSI_WARNINGS, CONCAT_NULL_YIELDS_NULL, ARITHABORT, QUOTED_IDENTIFIER, ANSI_NULLS ON;"',
    example: 'SET ANSI_NULLS, QUOTED_IDENTIFIER ON;',
  },
  {
    id: 'add-default-for-literal',
    form: 'ALTER TABLE t ADD CONSTRAINT d DEFAULT constant_expression FOR c, where the expression is a negative, decimal, float, money, binary or NULL literal, NEXT VALUE FOR, or starts with a nested parenthesis',
    pattern: new RegExp(`${ALTER}ADD\\s+CONSTRAINT\\s+${ID}\\s+DEFAULT\\s*(?:\\(\\s*(?:\\(|${REJECTED_LITERAL})|${REJECTED_LITERAL})`, 'i'),
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/alter-table-table-constraint-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/alter-table-table-constraint-transact-sql.md): "DEFAULT constant_expression FOR column"; "constant_expression: Is a literal value, a NULL, or a system function"',
    example: 'ALTER TABLE [dbo].[t] ADD CONSTRAINT [df_t_a] DEFAULT (-1) FOR [a];',
  },
  {
    id: 'online-low-priority-wait',
    form: 'CREATE INDEX ... WITH (ONLINE = ON ( WAIT_AT_LOW_PRIORITY ( MAX_DURATION = n MINUTES, ABORT_AFTER_WAIT = { NONE | SELF | BLOCKERS } ) ))',
    pattern: /\bONLINE\s*=\s*ON\s*\(\s*WAIT_AT_LOW_PRIORITY\b/i,
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/create-index-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/create-index-transact-sql.md): "ONLINE = { ON [ ( <low_priority_lock_wait> ) ] | OFF }", example "WITH (ONLINE = ON (WAIT_AT_LOW_PRIORITY (MAX_DURATION = 5 MINUTES, ABORT_AFTER_WAIT = SELF)))"',
    example: 'CREATE NONCLUSTERED INDEX [ix_t_a] ON [dbo].[t] ([a]) WITH (ONLINE = ON (WAIT_AT_LOW_PRIORITY (MAX_DURATION = 5 MINUTES, ABORT_AFTER_WAIT = SELF)));',
  },
  {
    id: 'resumable-max-duration-minutes',
    form: 'CREATE INDEX ... WITH (ONLINE = ON, RESUMABLE = ON, MAX_DURATION = n MINUTES) (the grammar takes MAX_DURATION = n without the word MINUTES)',
    pattern: /\bRESUMABLE\s*=\s*ON\s*,\s*MAX_DURATION\s*=\s*\d+\s+MINUTES\b/i,
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/create-index-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/create-index-transact-sql.md): "RESUMABLE = { ON | OFF }", "MAX_DURATION = <time> [MINUTES]"',
    example: 'CREATE NONCLUSTERED INDEX [ix_t_a] ON [dbo].[t] ([a]) WITH (ONLINE = ON, RESUMABLE = ON, MAX_DURATION = 60 MINUTES);',
  },
  {
    id: 'alter-column-online',
    form: 'ALTER TABLE t ALTER COLUMN c type [NULL | NOT NULL] WITH ( ONLINE = ON | OFF )',
    pattern: new RegExp(`${ALTER}ALTER\\s+COLUMN\\b[^;]*\\bWITH\\s*\\(\\s*ONLINE\\b`, 'i'),
    doc: `${ALTER_TABLE_DOC}: "ALTER COLUMN column_name ... [ WITH ( ONLINE = ON | OFF ) ]" (SQL Server 2016 and later)`,
    example: 'ALTER TABLE [dbo].[t] ALTER COLUMN [a] varchar(20) NOT NULL WITH (ONLINE = ON);',
  },
  {
    id: 'drop-index-with',
    form: 'DROP INDEX index_name ON <object> WITH ( <drop_clustered_index_option> [ ,...n ] ), e.g. ONLINE = ON',
    pattern: new RegExp(`^DROP\\s+INDEX\\s+${ID}\\s+ON\\s+${QID}\\s+WITH\\s*\\(`, 'i'),
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/drop-index-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/drop-index-transact-sql.md): "index_name ON <object> [ WITH ( <drop_clustered_index_option> [ ,...n ] ) ]", "<drop_clustered_index_option> ::= { MAXDOP = max_degree_of_parallelism | ONLINE = { ON | OFF } | MOVE TO ... }"',
    example: 'DROP INDEX [cx_t_a] ON [dbo].[t] WITH (ONLINE = ON);',
  },
  {
    id: 'drop-constraint-with',
    form: 'ALTER TABLE t DROP [ CONSTRAINT ] constraint_name WITH ( <drop_clustered_constraint_option> [ ,...n ] ), e.g. ONLINE = ON',
    pattern: new RegExp(`${ALTER}DROP\\s+CONSTRAINT\\s+${ID}\\s+WITH\\s*\\(`, 'i'),
    doc: `${ALTER_TABLE_DOC}: "DROP { [ CONSTRAINT ] [ IF EXISTS ] { constraint_name } [ WITH ( <drop_clustered_constraint_option> [ ,...n ] ) ] }", "<drop_clustered_constraint_option> ::= { MAXDOP = max_degree_of_parallelism | ONLINE = { ON | OFF } | MOVE TO ... }"`,
    example: 'ALTER TABLE [dbo].[t] DROP CONSTRAINT [pk_t] WITH (ONLINE = ON);',
  },
  {
    id: 'sequence-negative-constant',
    form: 'CREATE SEQUENCE s ... START WITH <constant> ... MINVALUE <constant> MAXVALUE <constant>, ALTER SEQUENCE s RESTART WITH <constant> INCREMENT BY <constant> ..., where a constant is negative (the grammar takes a minus sign only in CREATE SEQUENCE ... INCREMENT BY)',
    pattern: new RegExp(`^(?:CREATE|ALTER)\\s+SEQUENCE\\s+${QID}\\s[^;]*\\b(?:WITH|BY|MINVALUE|MAXVALUE)\\s+-`, 'i'),
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/create-sequence-transact-sql and alter-sequence-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/create-sequence-transact-sql.md): "START WITH <constant>", "MINVALUE [ <constant> ]"; the int range a sequence may start in is -2,147,483,648 to 2,147,483,647',
    example: 'CREATE SEQUENCE [dbo].[s] AS int START WITH -5 INCREMENT BY 1 MINVALUE -10 MAXVALUE 100 NO CYCLE NO CACHE;',
  },
  {
    id: 'next-value-for',
    form: 'NEXT VALUE FOR sequence as an expression: a column DEFAULT in CREATE TABLE / ALTER TABLE ADD, INSERT ... VALUES, SELECT',
    pattern: /\bNEXT\s+VALUE\s+FOR\b/i,
    doc: 'https://learn.microsoft.com/sql/t-sql/functions/next-value-for-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/functions/next-value-for-transact-sql.md): "NEXT VALUE FOR [ database_name . ] [ schema_name . ] sequence_name"; usable "in a default constraint" and in INSERT ... VALUES and SELECT',
    example: 'CREATE TABLE [dbo].[t] ([a] bigint NOT NULL CONSTRAINT [df_t_a] DEFAULT (NEXT VALUE FOR [dbo].[s]));',
  },
  {
    id: 'create-table-sparse',
    form: 'CREATE TABLE t ( column_name data_type [ COLLATE c ] SPARSE NULL ... ) (the grammar takes SPARSE in ALTER TABLE ADD only)',
    pattern: /^CREATE\s+TABLE\b[^;]*\bSPARSE\b/i,
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/create-table-transact-sql.md): "<column_definition> ::= column_name <data_type> ... [ SPARSE ] ... [ NULL | NOT NULL ]"',
    example: 'CREATE TABLE [dbo].[t] ([a] int SPARSE NULL);',
  },
  {
    id: 'alter-table-add-index',
    form: 'ALTER TABLE t ADD INDEX i [UNIQUE] [NONCLUSTERED] [HASH] (columns) [WITH (BUCKET_COUNT = n)] (memory-optimized tables)',
    pattern: new RegExp(`${ALTER}ADD\\s+INDEX\\b`, 'i'),
    doc: `${ALTER_TABLE_DOC}: "ADD { <column_definition> | ... | <table_index> }", "<table_index> ::= INDEX index_name { [ NONCLUSTERED ] HASH ( column [ ,... n ] ) WITH ( BUCKET_COUNT = bucket_count ) | [ NONCLUSTERED ] ( column [ ASC | DESC ] [ ,... n ] ) ... }" (memory-optimized tables)`,
    example: 'ALTER TABLE [dbo].[t] ADD INDEX [ix_t_a] NONCLUSTERED ([a]);',
  },
  {
    id: 'nonclustered-hash',
    form: 'CREATE TABLE t ( ... CONSTRAINT c PRIMARY KEY | UNIQUE NONCLUSTERED HASH (columns) WITH (BUCKET_COUNT = n), INDEX i [NONCLUSTERED] HASH (columns) WITH (BUCKET_COUNT = n) ) WITH (MEMORY_OPTIMIZED = ON ...), and the same key in ALTER TABLE ADD',
    pattern: /\bNONCLUSTERED\s+HASH\b/i,
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/create-table-transact-sql.md), memory-optimized syntax: "{ PRIMARY KEY | UNIQUE } { NONCLUSTERED ( column_name [ ASC | DESC ] [ ,... n ]) | NONCLUSTERED HASH ( column_name [ ,... n ] ) WITH ( BUCKET_COUNT = bucket_count ) }"',
    example: 'CREATE TABLE [dbo].[t] ([a] int NOT NULL, CONSTRAINT [pk_t] PRIMARY KEY NONCLUSTERED HASH ([a]) WITH (BUCKET_COUNT = 64)) WITH (MEMORY_OPTIMIZED = ON, DURABILITY = SCHEMA_AND_DATA);',
  },
  {
    id: 'alter-table-alter-index',
    form: 'ALTER TABLE t ALTER INDEX i REBUILD WITH (BUCKET_COUNT = n) (memory-optimized tables)',
    pattern: new RegExp(`${ALTER}ALTER\\s+INDEX\\b`, 'i'),
    doc: `${ALTER_TABLE_DOC}: "ALTER INDEX index_name { [ type_of_change ] }", and https://learn.microsoft.com/sql/relational-databases/in-memory-oltp/altering-memory-optimized-tables: "ALTER TABLE ... ALTER INDEX ... REBUILD WITH (BUCKET_COUNT=67108864)"`,
    example: 'ALTER TABLE [dbo].[t] ALTER INDEX [ix_t_a] REBUILD WITH (BUCKET_COUNT = 1024);',
  },
  {
    id: 'column-masked-with',
    form: "column_name data_type ... MASKED WITH ( FUNCTION = 'mask_function' ) ... in CREATE TABLE and ALTER TABLE ADD",
    pattern: new RegExp(`^(?:CREATE\\s+TABLE\\b|ALTER\\s+TABLE\\s+${QID}\\s+ADD\\b)[^;]*\\bMASKED\\s+WITH\\b`, 'i'),
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/create-table-transact-sql.md): "<column_definition> ::= column_name <data_type> ... [ MASKED WITH ( FUNCTION = \'mask_function\' ) ] ..."',
    example: "CREATE TABLE [dbo].[t] ([a] varchar(10) MASKED WITH (FUNCTION = 'default()') NULL);",
  },
  {
    id: 'column-encrypted-with',
    form: "column_name data_type [ COLLATE c ] ENCRYPTED WITH ( COLUMN_ENCRYPTION_KEY = key, ENCRYPTION_TYPE = { DETERMINISTIC | RANDOMIZED }, ALGORITHM = '...' ) in CREATE TABLE, ALTER TABLE ADD and ALTER COLUMN",
    pattern: new RegExp(`^(?:CREATE\\s+TABLE\\b|ALTER\\s+TABLE\\s+${QID}\\s+(?:ADD|ALTER\\s+COLUMN)\\b)[^;]*\\bENCRYPTED\\s+WITH\\b`, 'i'),
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/create-table-transact-sql.md): "<column_definition> ::= ... [ ENCRYPTED WITH ( COLUMN_ENCRYPTION_KEY = key_name , ENCRYPTION_TYPE = { DETERMINISTIC | RANDOMIZED } , ALGORITHM = \'AEAD_AES_256_CBC_HMAC_SHA_256\' ) ]"',
    example: "CREATE TABLE [dbo].[t] ([a] int ENCRYPTED WITH (COLUMN_ENCRYPTION_KEY = [cek1], ENCRYPTION_TYPE = RANDOMIZED, ALGORITHM = 'AEAD_AES_256_CBC_HMAC_SHA_256') NULL);",
  },
  {
    id: 'alter-column-masked',
    form: "ALTER TABLE t ALTER COLUMN c { ADD | DROP } MASKED [ WITH ( FUNCTION = 'mask_function' ) ]",
    pattern: new RegExp(`${ALTER}ALTER\\s+COLUMN\\s+${ID}\\s+(?:ADD|DROP)\\s+MASKED\\b`, 'i'),
    doc: `${ALTER_TABLE_DOC}: "ALTER COLUMN column_name { ... | { ADD | DROP } MASKED [ WITH ( FUNCTION = ' mask_function ') ] }"`,
    example: "ALTER TABLE [dbo].[t] ALTER COLUMN [a] ADD MASKED WITH (FUNCTION = 'email()');",
  },
  {
    id: 'alter-column-rowguidcol',
    form: 'ALTER TABLE t ALTER COLUMN c { ADD | DROP } ROWGUIDCOL',
    pattern: new RegExp(`${ALTER}ALTER\\s+COLUMN\\s+${ID}\\s+(?:ADD|DROP)\\s+ROWGUIDCOL\\b`, 'i'),
    doc: `${ALTER_TABLE_DOC}: "ALTER COLUMN column_name { ... | { ADD | DROP } { ROWGUIDCOL | PERSISTED | NOT FOR REPLICATION | SPARSE | HIDDEN } ... }"`,
    example: 'ALTER TABLE [dbo].[t] ALTER COLUMN [a] ADD ROWGUIDCOL;',
  },
  {
    id: 'alter-column-sparse',
    form: 'ALTER TABLE t ALTER COLUMN c { ADD | DROP } SPARSE',
    pattern: new RegExp(`${ALTER}ALTER\\s+COLUMN\\s+${ID}\\s+(?:ADD|DROP)\\s+SPARSE\\b`, 'i'),
    doc: `${ALTER_TABLE_DOC}: "ALTER COLUMN column_name { ... | { ADD | DROP } { ROWGUIDCOL | PERSISTED | NOT FOR REPLICATION | SPARSE | HIDDEN } ... }"`,
    example: 'ALTER TABLE [dbo].[t] ALTER COLUMN [a] ADD SPARSE;',
  },
  {
    id: 'alter-column-not-for-replication',
    form: 'ALTER TABLE t ALTER COLUMN c { ADD | DROP } NOT FOR REPLICATION',
    pattern: new RegExp(`${ALTER}ALTER\\s+COLUMN\\s+${ID}\\s+(?:ADD|DROP)\\s+NOT\\s+FOR\\s+REPLICATION\\b`, 'i'),
    doc: `${ALTER_TABLE_DOC}: "ALTER COLUMN column_name { ADD | DROP } { ROWGUIDCOL | PERSISTED | NOT FOR REPLICATION | SPARSE | HIDDEN }"`,
    example: 'ALTER TABLE [dbo].[t] ALTER COLUMN [id] ADD NOT FOR REPLICATION;',
  },
  {
    id: 'foreign-key-not-for-replication',
    form: 'ALTER TABLE t [ WITH CHECK ] ADD CONSTRAINT fk FOREIGN KEY ( ... ) REFERENCES r ( ... ) [ ON DELETE ... ] [ ON UPDATE ... ] NOT FOR REPLICATION (the grammar takes NOT FOR REPLICATION after IDENTITY and CHECK only)',
    pattern: new RegExp(`${ALTER}(?:WITH\\s+CHECK\\s+)?ADD\\s+CONSTRAINT\\s+${ID}\\s+FOREIGN\\s+KEY\\b[^;]*\\bNOT\\s+FOR\\s+REPLICATION\\b`, 'i'),
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/alter-table-table-constraint-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/alter-table-table-constraint-transact-sql.md): "FOREIGN KEY ( column [ ,...n ] ) REFERENCES referenced_table_name [ ( ref_column [ ,...n ] ) ] [ ON DELETE ... ] [ ON UPDATE ... ] [ NOT FOR REPLICATION ]"',
    example: 'ALTER TABLE [dbo].[t] ADD CONSTRAINT [fk_t_u] FOREIGN KEY ([u_id]) REFERENCES [dbo].[u] ([id]) NOT FOR REPLICATION;',
  },
  {
    id: 'alter-index',
    form: 'ALTER INDEX i ON t { REBUILD WITH ( DATA_COMPRESSION = ... ) | SET ( IGNORE_DUP_KEY = ON | OFF ) }',
    pattern: new RegExp(`^ALTER\\s+INDEX\\s+${ID}\\s+ON\\s+${QID}\\s+(?:REBUILD|SET)\\b`, 'i'),
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/alter-index-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/alter-index-transact-sql.md): "ALTER INDEX { index_name | ALL } ON <object> { REBUILD ... [ WITH ( <rebuild_index_option> ) ] | SET ( <set_index_option> ) ... }", with DATA_COMPRESSION among the rebuild options and IGNORE_DUP_KEY among the set options',
    example: 'ALTER INDEX [ix] ON [dbo].[t] SET (IGNORE_DUP_KEY = ON);',
  },
  {
    id: 'fillfactor-option',
    form: 'WITH ( FILLFACTOR = fillfactor [, ...] ) of CREATE INDEX, a PRIMARY KEY / UNIQUE constraint or ALTER INDEX ... REBUILD (the grammar takes the other index options of that shape)',
    pattern: /\bWITH\s*\([^;]*\bFILLFACTOR\s*=/i,
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/alter-table-index-option-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/alter-table-index-option-transact-sql.md): "PAD_INDEX = { ON | OFF } | FILLFACTOR = fillfactor | ..."',
    example: 'CREATE NONCLUSTERED INDEX [ix_t_a] ON [dbo].[t] ([a]) WITH (FILLFACTOR = 80);',
  },
  {
    id: 'on-partition-scheme',
    form: 'CREATE TABLE ... ) ON partition_scheme_name ( partition_column_name ), and the same ON of CREATE INDEX and of a PRIMARY KEY / UNIQUE constraint',
    pattern: /\)\s*(?:WITH\s*\([^;]*\)\s*)?ON\s+(?:\[(?:[^\]]|\]\])*\]|[A-Za-z_][\w$]*)\s*\(/i,
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/create-index-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/create-index-transact-sql.md): "[ ON { partition_scheme_name ( column_name ) | filegroup_name | default } ]"',
    example: 'CREATE NONCLUSTERED INDEX [ix_t_a] ON [dbo].[t] ([a]) ON [ps_t]([a]);',
  },
  {
    id: 'typed-xml',
    form: 'xml ( [ CONTENT | DOCUMENT ] xml_schema_collection ) as a column type (the grammar takes xml only untyped)',
    pattern: /\bxml\s*\(\s*(?:CONTENT\b|DOCUMENT\b|\[)/i,
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/create-table-transact-sql.md): "<data_type> ::= [ type_schema_name . ] type_name [ ( precision [ , scale ] | max | [ { CONTENT | DOCUMENT } ] xml_schema_collection ) ]"',
    example: 'CREATE TABLE [dbo].[t] ([c] xml(CONTENT [dbo].[sc]) NULL);',
  },
  {
    id: 'create-statistics-options',
    form: 'CREATE STATISTICS s ON t ( column [ ,...n ] ) [ WHERE <filter_predicate> ] [ WITH NORECOMPUTE | INCREMENTAL = ON ] (the grammar takes neither a filter nor these options without a sample option before them)',
    pattern: /^CREATE\s+STATISTICS\b[^;]*\b(?:WHERE|NORECOMPUTE|INCREMENTAL)\b/i,
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/create-statistics-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/create-statistics-transact-sql.md): "CREATE STATISTICS statistics_name ON { table_or_indexed_view_name } ( column [ ,...n ] ) [ WHERE <filter_predicate> ] [ WITH [ [ FULLSCAN ... | SAMPLE number { PERCENT | ROWS } ... ] [ [ , ] NORECOMPUTE ] [ [ , ] INCREMENTAL = { ON | OFF } ] ... ]"',
    example: 'CREATE STATISTICS [st] ON [dbo].[t] ([a]) WITH NORECOMPUTE;',
  },
  {
    id: 'columnstore-index',
    form: 'CREATE CLUSTERED COLUMNSTORE INDEX i ON t [ WITH (...) ] | CREATE [ NONCLUSTERED ] COLUMNSTORE INDEX i ON t ( column [ ,...n ] ) [ WHERE ... ] [ WITH (...) ]',
    pattern: /^CREATE\s+(?:NON)?CLUSTERED\s+COLUMNSTORE\s+INDEX\b/i,
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/create-columnstore-index-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/create-columnstore-index-transact-sql.md): "CREATE CLUSTERED COLUMNSTORE INDEX index_name ON ... [ WITH ( <with_option> [ , ...n ] ) ]"',
    example: 'CREATE CLUSTERED COLUMNSTORE INDEX [cci] ON [dbo].[t];',
  },
  {
    id: 'create-type-not-null',
    form: 'CREATE TYPE [ schema_name. ] type_name FROM base_type [ ( precision [ , scale ] ) ] NOT NULL (the grammar takes only a trailing NULL)',
    pattern: /^CREATE\s+TYPE\b[^;]*\bFROM\b[^;]*\bNOT\s+NULL\s*;?$/i,
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/create-type-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/create-type-transact-sql.md): "FROM base_type [ ( precision [ , scale ] ) ] [ NULL | NOT NULL ]"',
    example: 'CREATE TYPE [dbo].[Email] FROM nvarchar(320) NOT NULL;',
  },
  {
    id: 'schema-qualified-column-type',
    form: 'a column whose data type is qualified by its schema ([dbo].[Email]) in CREATE TABLE, ALTER TABLE ... ADD or ALTER COLUMN',
    // Not xml(CONTENT s.c): the first name is then the typed-xml keyword (gap typed-xml).
    pattern: new RegExp(`^(?:CREATE\\s+TABLE|ALTER\\s+TABLE)\\b[^;]*?(?:[(,]|\\bADD|\\bALTER\\s+COLUMN)\\s*(?!(?:CONTENT|DOCUMENT)\\s)${ID}\\s+${ID}\\s*\\.\\s*${ID}`, 'i'),
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/create-table-transact-sql.md): "<data_type> ::= [ type_schema_name . ] type_name"',
    example: 'ALTER TABLE [dbo].[t] ADD [email] [dbo].[Email] NULL;',
  },
  {
    id: 'temporal-create-table',
    form: 'CREATE TABLE t ( c datetime2 GENERATED ALWAYS AS ROW { START | END } [ HIDDEN ] NOT NULL, ..., PERIOD FOR SYSTEM_TIME ( s, e ) ) [ WITH ( SYSTEM_VERSIONING = ON ( ... ) ) ]',
    pattern: /^CREATE\s+TABLE\b[\s\S]*\b(?:GENERATED\s+ALWAYS\s+AS\s+ROW|PERIOD\s+FOR\s+SYSTEM_TIME|SYSTEM_VERSIONING)\b/i,
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/create-table-transact-sql.md): "GENERATED ALWAYS AS { ROW | TRANSACTION_ID | SEQUENCE_NUMBER } { START | END } [ HIDDEN ]", "PERIOD FOR SYSTEM_TIME ( system_start_time_column_name , system_end_time_column_name )", "SYSTEM_VERSIONING = ON [ ( HISTORY_TABLE = schema_name.history_table_name [ , DATA_CONSISTENCY_CHECK = { ON | OFF } ] ) ]" (SQL Server 2016 and later)',
    example: 'CREATE TABLE [dbo].[t] ([id] int NOT NULL PRIMARY KEY, [s] datetime2 GENERATED ALWAYS AS ROW START NOT NULL, [e] datetime2 GENERATED ALWAYS AS ROW END NOT NULL, PERIOD FOR SYSTEM_TIME ([s], [e])) WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = [dbo].[t_history]));',
  },
  {
    id: 'temporal-set-system-versioning',
    form: 'ALTER TABLE t SET ( SYSTEM_VERSIONING = { OFF | ON [ ( HISTORY_TABLE = h [, DATA_CONSISTENCY_CHECK = ON ] [, HISTORY_RETENTION_PERIOD = n UNITS ] ) ] } )',
    pattern: new RegExp(`${ALTER}SET\\s*\\(\\s*SYSTEM_VERSIONING\\b`, 'i'),
    doc: `${ALTER_TABLE_DOC}: "SET ( SYSTEM_VERSIONING = { OFF | ON [ ( HISTORY_TABLE = schema_name . history_table_name [ , DATA_CONSISTENCY_CHECK = { ON | OFF } ] [ , HISTORY_RETENTION_PERIOD = { INFINITE | number { DAY | DAYS | WEEK | WEEKS | MONTH | MONTHS | YEAR | YEARS } } ] ) ] } )"`,
    example: 'ALTER TABLE [dbo].[t] SET (SYSTEM_VERSIONING = OFF);',
  },
  {
    id: 'temporal-add-period',
    form: 'ALTER TABLE t ADD c datetime2 GENERATED ALWAYS AS ROW { START | END } [ HIDDEN ] ..., PERIOD FOR SYSTEM_TIME ( s, e )',
    pattern: new RegExp(`${ALTER}ADD\\b[^;]*\\b(?:GENERATED\\s+ALWAYS\\s+AS\\s+ROW|PERIOD\\s+FOR\\s+SYSTEM_TIME)\\b`, 'i'),
    doc: `${ALTER_TABLE_DOC}: "ADD ... | [ system_start_time_column_name datetime2 GENERATED ALWAYS AS ROW START [ HIDDEN ] [ NOT NULL ] [ CONSTRAINT constraint_name ] DEFAULT constant_expression [WITH VALUES] , system_end_time_column_name datetime2 GENERATED ALWAYS AS ROW END [ HIDDEN ] [ NOT NULL ] [ CONSTRAINT constraint_name ] DEFAULT constant_expression [WITH VALUES] , ] PERIOD FOR SYSTEM_TIME ( system_start_time_column_name, system_end_time_column_name )"`,
    example: 'ALTER TABLE [dbo].[t] ADD PERIOD FOR SYSTEM_TIME ([s], [e]);',
  },
  {
    id: 'temporal-drop-period',
    form: 'ALTER TABLE t DROP PERIOD FOR SYSTEM_TIME',
    pattern: new RegExp(`${ALTER}DROP\\s+PERIOD\\s+FOR\\s+SYSTEM_TIME\\b`, 'i'),
    doc: `${ALTER_TABLE_DOC}: "DROP [ ... | PERIOD FOR SYSTEM_TIME ]"`,
    example: 'ALTER TABLE [dbo].[t] DROP PERIOD FOR SYSTEM_TIME;',
  },
  {
    id: 'temporal-alter-column-hidden',
    form: 'ALTER TABLE t ALTER COLUMN c { ADD | DROP } HIDDEN',
    pattern: new RegExp(`${ALTER}ALTER\\s+COLUMN\\s+${ID}\\s+(?:ADD|DROP)\\s+HIDDEN\\b`, 'i'),
    doc: `${ALTER_TABLE_DOC}: "ALTER COLUMN column_name { ADD | DROP } { ROWGUIDCOL | PERSISTED | NOT FOR REPLICATION | SPARSE | HIDDEN }"`,
    example: 'ALTER TABLE [dbo].[t] ALTER COLUMN [s] ADD HIDDEN;',
  },
  {
    id: 'create-spatial-index',
    form: 'CREATE SPATIAL INDEX index_name ON <object> ( spatial_column_name ) [ USING <tessellation> ] [ WITH ( ... ) ] [ ON filegroup_name ] (the grammar has no SPATIAL INDEX)',
    pattern: /^CREATE\s+SPATIAL\s+INDEX\b/i,
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/create-spatial-index-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/create-spatial-index-transact-sql.md): "CREATE SPATIAL INDEX index_name ON <object> ( spatial_column_name ) { <geometry_tessellation> | <geography_tessellation> } [ ON { filegroup_name | \"default\" } ]"',
    example: 'CREATE SPATIAL INDEX [six_t_g] ON [dbo].[t] ([g]) USING GEOGRAPHY_AUTO_GRID WITH (CELLS_PER_OBJECT = 12);',
  },
  {
    id: 'graph-create-table',
    form: 'CREATE TABLE t [ ( <column_definition> ... ) ] AS { NODE | EDGE } [ ON ... ]',
    pattern: new RegExp(`^CREATE\\s+TABLE\\s+${QID}\\s*(?:\\([\\s\\S]*\\))?\\s*AS\\s+(?:NODE|EDGE)\\b`, 'i'),
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/create-table-sql-graph (MicrosoftDocs/sql-docs docs/t-sql/statements/create-table-sql-graph.md): "CREATE TABLE { ... } ( { <column_definition> } ... ) AS [ NODE | EDGE ]"; graph-edge-constraints.md creates `CREATE TABLE bought ( PurchaseCount INT ) AS EDGE`',
    example: 'CREATE TABLE [dbo].[person] (\n    [id] int NOT NULL\n) AS NODE;',
  },
  {
    id: 'graph-edge-constraint',
    form: 'ALTER TABLE t ADD CONSTRAINT c CONNECTION ( node_table TO node_table [ , ... ] ) [ ON DELETE { NO ACTION | CASCADE } ]',
    pattern: new RegExp(`${ALTER}ADD\\s+CONSTRAINT\\s+${ID}\\s+CONNECTION\\b`, 'i'),
    doc: 'https://learn.microsoft.com/sql/relational-databases/tables/graph-edge-constraints (MicrosoftDocs/sql-docs docs/relational-databases/tables/graph-edge-constraints.md): "ALTER TABLE bought ADD CONSTRAINT EC_BOUGHT1 CONNECTION (Customer TO Product);"',
    example: 'ALTER TABLE [dbo].[likes] ADD CONSTRAINT [ec_likes] CONNECTION ([dbo].[person] TO [dbo].[person]) ON DELETE CASCADE;',
  },
  {
    id: 'change-tracking',
    form: 'ALTER TABLE t { ENABLE | DISABLE } CHANGE_TRACKING [ WITH ( TRACK_COLUMNS_UPDATED = { ON | OFF } ) ] (the grammar takes ENABLE | DISABLE only before TRIGGER)',
    pattern: new RegExp(`${ALTER}(?:ENABLE|DISABLE)\\s+CHANGE_TRACKING\\b`, 'i'),
    doc: `${ALTER_TABLE_DOC}: "| { ENABLE | DISABLE } CHANGE_TRACKING [ WITH ( TRACK_COLUMNS_UPDATED = { ON | OFF } ) ]"`,
    example: 'ALTER TABLE [dbo].[t] ENABLE CHANGE_TRACKING WITH (TRACK_COLUMNS_UPDATED = ON);',
  },
  {
    id: 'ledger-create-table',
    form: 'CREATE TABLE t ( ... ) WITH ( [ SYSTEM_VERSIONING = ON [ ( HISTORY_TABLE = h ) ], ] LEDGER = ON [ ( LEDGER_VIEW = v, APPEND_ONLY = ON ) ] ) (SQL Server 2022)',
    pattern: /^CREATE\s+TABLE\b[\s\S]*\bLEDGER\s*=\s*ON\b/i,
    doc: 'https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql (MicrosoftDocs/sql-docs docs/t-sql/statements/create-table-transact-sql.md): "[ LEDGER = ON [ ( <ledger_option> [ ,... n ] ) ] | OFF ]", "<ledger_option>::= { [ LEDGER_VIEW = schema_name.ledger_view_name [ ( <ledger_view_option> [ ,... n ] ) ] [ APPEND_ONLY = ON | OFF ] }"',
    example: 'CREATE TABLE [dbo].[events] (\n    [id] int NOT NULL\n)\nWITH (LEDGER = ON (APPEND_ONLY = ON));',
  },
];
