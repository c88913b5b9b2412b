/** SQL Server's rules, once: names and collations, types, literals and quoting, key sizes. */
export * from './names';
export * from './types';
export * from './literals';
export * from './key-bytes';
