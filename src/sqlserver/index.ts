/** SQL Server's rules, once: names and collations, types, literals and quoting, key sizes, editions, lock impact, resumable index builds. */
export * from './names';
export * from './types';
export * from './literals';
export * from './key-bytes';
export * from './editions';
export * from './lock-impact';
export * from './not-null-add';
export * from './resumable';
export * from './qualified-name';
export * from './replication';
export * from './memory-optimized';
export * from './masking';
export * from './encryption';
