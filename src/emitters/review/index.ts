/** Pull-request review output: one Review model, rendered as text, markdown, JSON or annotations. */
export { buildReview, changeSource } from './review-model';
export type { Review, ReviewChange, ReviewInput, ReviewSource, ReviewTable } from './review-model';
export { renderReviewText } from './review-text';
export { renderReviewMarkdown, GITHUB_COMMENT_LIMIT } from './review-markdown';
export { renderReviewJson } from './review-json';
export { githubAnnotations } from './github-annotations';
export { tableDefinition } from './table-definition';
export { migrationsJson, renderMigrationsMarkdown, renderMigrationsText, type MigrationReviewItem } from './migrations-section';
