// The consolidation core: what the import worker, the consolidation screens and `planbook merge` share.
export * from './types';
export { resolveSequences, lineKey, type SequenceResolution } from './sequence';
export { buildBoard, countBoard, missingUnits, type BoardInput, type BoardCounts } from './board';
export { mergeItems, type ItemMerge, type ItemMergeOptions, type UnitItemRow, type UnitReport } from './items';
export { rollUpIndicator, rollUpProject, unitPercent, unitMeets, type IndicatorRollup, type ProjectRollup, type Rollup, type MoneyReader } from './rollup';
export { groupTexts, jaccard, tokens, DEFAULT_SIMILARITY, type TextFrom, type TextGroup } from './similarity';
export { judgeTarget, readMoney } from './judge';
export {
  consolidate, type Consolidation, type ConsolidationInput, type ConsolidatedSummary, type CountedReport, type ItemFeedback, type SummaryUnit,
} from './consolidate';
export { readCalendar, expectedUnits, submissionsOf, packagesToCarry, type Verified } from './packages';
export { changesSinceSent, previousPeriod, statusChanges, type SentPicture, type SinceSent, type ItemSinceSent } from './changes';
export { sentPictureOf } from './sentPicture';
