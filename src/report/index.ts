// The explain-and-cut report of an edition: a model (what happened to every item) and its HTML page.
export { explainEdition, duplicateKey, feedNotes, feedStatusText, itemKey, OUTCOMES, OUTCOME_LABELS } from './model.js';
export type { ReportModel, ItemRow, FeedRow, StoryPlace, DuplicateTarget, Outcome } from './model.js';
export { renderReport, safeHref, type ReportOptions, type FeedHealthNote } from './html.js';
