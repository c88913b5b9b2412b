/** TDS data type ids (MS-TDS 2.2.5.4) the stand-in reads or writes. */
export const TypeId = {
  Null: 0x1f,
  Int1: 0x30,
  Bit: 0x32,
  Int2: 0x34,
  Int4: 0x38,
  DateTime4: 0x3a,
  Float4: 0x3b,
  Money: 0x3c,
  DateTime: 0x3d,
  Float8: 0x3e,
  Money4: 0x7a,
  Int8: 0x7f,
  Guid: 0x24,
  IntN: 0x26,
  DateN: 0x28,
  TimeN: 0x29,
  DateTime2N: 0x2a,
  DateTimeOffsetN: 0x2b,
  SqlVariant: 0x62,
  BitN: 0x68,
  DecimalN: 0x6a,
  NumericN: 0x6c,
  FloatN: 0x6d,
  MoneyN: 0x6e,
  DateTimeN: 0x6f,
  BigVarBinary: 0xa5,
  BigVarChar: 0xa7,
  BigBinary: 0xad,
  BigChar: 0xaf,
  NVarChar: 0xe7,
  NChar: 0xef,
} as const;

/** Length value meaning MAX (a PLP value) for the variable-length types. */
export const MAX_LENGTH = 0xffff;

/** SQL_Latin1_General_CP1_CI_AS as the five collation bytes (LCID 0x0409, CI/AI-off/KI/WI flags, sort id 52). */
export const DEFAULT_COLLATION = Buffer.from([0x09, 0x04, 0xd0, 0x00, 0x34]);
