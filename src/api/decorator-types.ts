/**
 * The decorator shapes of the schema API. They only carry types: the standard (TC39,
 * TypeScript 5) decorator signatures make TypeScript infer the decorated class, so a column
 * name that does not exist, or a field whose TypeScript type does not fit its SQL type, is an
 * error in the user's editor.
 */

/** Any class, abstract or not, whose instances are T (how a class decorator learns T). */
// `any[]` because constructor parameters are irrelevant to a schema class.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ClassOf<T> = abstract new (...args: any[]) => T;

/** A class decorator that learns the decorated class's instance type T. */
export type ClassDecorator<T> = (target: ClassOf<T>, context: ClassDecoratorContext) => void;

/** A field decorator that accepts fields whose TypeScript type fits V (the class type is irrelevant, and a non-generic signature is cheaper to check). */
export type FieldDecorator<V> = (target: undefined, context: ClassFieldDecoratorContext<unknown, V>) => void;

/**
 * A column of T, named by its TypeScript field name. `keyof T & string` rather than
 * `Extract<keyof T, string>`: the same union of names, without a conditional type instantiated
 * for every key of every class a decorator names columns of.
 */
export type ColumnOf<T> = keyof T & string;

/**
 * A key column with its sort order, `{ column: 'createdAt', desc: true }`. A generic interface
 * rather than an object type literal in KeyColumn: TypeScript resolves its members once per
 * class, and the check of an index with a sorted column creates about a third fewer symbols.
 */
export interface SortedColumn<T> {
  readonly column: ColumnOf<T>;
  readonly desc?: boolean;
}

/** An index or key column: a field name, or a field name with its sort order. */
export type KeyColumn<T> = ColumnOf<T> | SortedColumn<T>;
