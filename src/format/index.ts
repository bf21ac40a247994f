export {
  MINUS,
  formatAssumedDateMark,
  formatAsOf,
  formatDate,
  formatFigure,
  formatFigureParts,
  formatMagnitude,
  formatNumber,
  formatPct,
  formatPts,
  formatRank,
  formatShortAsOf,
  formatShortDate,
  formatStatedPct,
  formatTime,
  roundTo,
} from './figures';
export { formatCsvNumber } from './csv';
export type {
  AsOfLike,
  FigureFormatOptions,
  FigureLike,
  FigureParts,
  MoreThanPlacement,
  NumberFormatOptions,
} from './figures';
