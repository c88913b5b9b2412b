/** The differ: models in, an ordered plan of changes (with hazards and inverses) out. */
export { diff, type DiffOptions } from './diff';
export { declaredSchemas } from './managed-schemas';
export type { SystemNames } from './pair-entities';
export { fingerprint, canonicalJson } from './fingerprint';
export { PHASES, phaseOf, type Phase } from './order';
export { LARGE_TABLE_ROWS } from './hazards';
export { classifyTypeChange, narrowingEffect, type TypeChangeSafety } from './type-changes';
export * from './changes';
export { planForProduction, productionOptions, blocksLargeTable, DEFAULT_PRODUCTION, type ProductionOptions, type OnlineMode } from './lock-impact';
export { planResumable, resumableBuilds, onlyDeferredRemain, blockingBuilds, type ResumableOptions, type ResumableDecision, type KeptInTransaction, type BlockingBuild } from './resumable';
