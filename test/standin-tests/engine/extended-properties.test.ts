/**
 * The stand-in's extended properties as SQL Server keeps them: sp_add/update/dropextendedproperty
 * with named or positional arguments, the errors SQL Server raises, sys.extended_properties,
 * and properties that follow sp_rename, go with DROP COLUMN / DROP TABLE and roll back.
 */
import { open, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = open();
  await h.ok('CREATE TABLE [dbo].[t] ([id] int NOT NULL, [note] nvarchar(50) NULL, [other] int NULL);');
});

const props = () => h.rows(`SELECT ep.class, ep.class_desc, OBJECT_NAME(ep.major_id) AS obj, ep.minor_id, ep.name, CAST(ep.value AS nvarchar(max)) AS value
  FROM sys.extended_properties ep ORDER BY ep.major_id, ep.minor_id, ep.name`);
const onNote = (value: string) => `EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'${value}', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N't', @level2type = N'COLUMN', @level2name = N'note';`;

test('add (named and positional arguments), update and drop, as sys.extended_properties shows them', async () => {
  await h.ok(onNote("It''s a note"));
  await h.ok("EXEC sp_addextendedproperty N'MS_Description', N'The table', N'SCHEMA', N'dbo', N'TABLE', N't';");
  await h.ok("EXEC sp_addextendedproperty N'Other', 42, N'SCHEMA', N'dbo', N'TABLE', N't';");
  expect(await props()).toEqual([
    { class: 1, class_desc: 'OBJECT_OR_COLUMN', obj: 't', minor_id: 0, name: 'MS_Description', value: 'The table' },
    { class: 1, class_desc: 'OBJECT_OR_COLUMN', obj: 't', minor_id: 0, name: 'Other', value: '42' },
    { class: 1, class_desc: 'OBJECT_OR_COLUMN', obj: 't', minor_id: 2, name: 'MS_Description', value: "It's a note" },
  ]);
  await h.ok("DECLARE @v nvarchar(4000) = N'line 1' + NCHAR(10) + N'line 2';\nEXEC sys.sp_updateextendedproperty @name = N'MS_Description', @value = @v, @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N't';");
  await h.ok("EXEC sys.sp_dropextendedproperty @name = N'MS_Description', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N't', @level2type = N'COLUMN', @level2name = N'note';");
  expect((await props()).map((p) => [p.minor_id, p.name, p.value])).toEqual([[0, 'MS_Description', 'line 1\nline 2'], [0, 'Other', '42']]);
});

test('the errors SQL Server raises: 15233, 15217, 15135, 15097', async () => {
  await h.ok(onNote('x'));
  expect(await h.errors(onNote('y'))).toEqual([expect.objectContaining({ number: 15233, class: 16, message: "Property cannot be added. Property 'MS_Description' already exists for 'dbo.t.note'." })]);
  expect(await h.errors("EXEC sys.sp_updateextendedproperty @name = N'MS_Description', @value = N'z', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N't';"))
    .toEqual([expect.objectContaining({ number: 15217, message: "Property cannot be updated or deleted. Property 'MS_Description' does not exist for 'dbo.t'." })]);
  expect(await h.errors("EXEC sys.sp_dropextendedproperty N'MS_Description', N'SCHEMA', N'dbo', N'TABLE', N't', N'COLUMN', N'other';"))
    .toEqual([expect.objectContaining({ number: 15217 })]);
  expect(await h.errors("EXEC sys.sp_addextendedproperty N'MS_Description', N'x', N'SCHEMA', N'dbo', N'TABLE', N'missing';"))
    .toEqual([expect.objectContaining({ number: 15135, message: "Object is invalid. Extended properties are not permitted on 'dbo.missing', or the object does not exist." })]);
  expect(await h.errors(`DECLARE @v nvarchar(4000) = REPLICATE(N'x', 3751);\nEXEC sys.sp_addextendedproperty N'Long', @v, N'SCHEMA', N'dbo', N'TABLE', N't';`))
    .toEqual([expect.objectContaining({ number: 15097, message: 'The size associated with an extended property cannot be more than 7,500 bytes.' })]);
});

test('sp_rename keeps them; DROP COLUMN and DROP TABLE take theirs along', async () => {
  await h.ok(onNote('n'));
  await h.ok("EXEC sp_addextendedproperty N'MS_Description', N'o', N'SCHEMA', N'dbo', N'TABLE', N't', N'COLUMN', N'other';");
  await h.ok("EXEC sp_rename N'[dbo].[t].[note]', N'remark', N'COLUMN';");
  await h.ok("EXEC sp_rename N'[dbo].[t]', N'u', N'OBJECT';");
  expect((await props()).map((p) => [p.obj, p.minor_id, p.value])).toEqual([['u', 2, 'n'], ['u', 3, 'o']]);
  await h.ok('ALTER TABLE [dbo].[u] DROP COLUMN [remark];');
  expect((await props()).map((p) => [p.minor_id, p.value])).toEqual([[3, 'o']]);
  await h.ok('DROP TABLE [dbo].[u];');
  expect(await props()).toEqual([]);
});

test('a rolled-back transaction takes its property changes back', async () => {
  await h.ok(onNote('before'));
  await h.ok(`BEGIN TRANSACTION;\nEXEC sys.sp_updateextendedproperty N'MS_Description', N'after', N'SCHEMA', N'dbo', N'TABLE', N't', N'COLUMN', N'note';\nROLLBACK TRANSACTION;`);
  expect((await props()).map((p) => p.value)).toEqual(['before']);
});
