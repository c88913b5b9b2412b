/** The T-SQL grammar module: quoting, literals, types, column definitions, statements, scripts. */
export * from './expression';
export * from './column';
export * from './clauses';
export * from './render-change';
export * from './script';
