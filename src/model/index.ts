/** The one vocabulary of schemac: plain readonly data, no behaviour. */
export * from './types';
export * from './expression';
export * from './source';
export * from './named-object';
export * from './bound-object';
export * from './database';
export * from './sequence';
export * from './alias-types';
export * from './temporal';
export * from './graph';
export * from './ledger';
export * from './security-policy';
export * from './diagnostic';
