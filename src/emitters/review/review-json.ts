import type { Review } from './review-model';
import { preflightJson } from '../preflight-report';

/**
 * The review as JSON, format `schemac.review/v1`: `base`, `head`, `summary`, `changes[]`
 * ({ index, kind, table, summary, marker, delta[{part,from,to}]|null, hazards[{code,message}],
 * downHazards[{code,message}],
 * source{file,line,column}|null,
 * impact (as in schemac.plan/v1) }), `lockSummary` ("2 steps hold Sch-M on tables over 1,000,000
 * rows", or null), `tables[]` ({ table, diff }), `up` (the sqlcmd script), and against a
 * database or catalog `preflight` (as in `schemac.plan/v1`, never with samples).
 */
export function renderReviewJson(review: Review): object {
  return {
    format: 'schemac.review/v1',
    base: review.baseLabel,
    head: review.headLabel,
    summary: review.summary,
    changes: review.changes,
    lockSummary: review.lockSummary,
    tables: review.tables.map((t) => ({ table: t.table, diff: t.diff })),
    up: review.upScript,
    ...(review.preflight ? { preflight: preflightJson(review.preflight, false) } : {}),
  };
}
