export {
  MINUS,
  formatDate,
  formatFigure,
  formatFigureParts,
  formatMagnitude,
  formatNumber,
  formatPct,
  formatPts,
  formatShortDate,
  formatStatedPct,
  formatTime,
  roundTo,
} from './figures';
export { formatCsvNumber } from './csv';
export type {
  FigureFormatOptions,
  FigureLike,
  FigureParts,
  MoreThanPlacement,
  NumberFormatOptions,
} from './figures';
