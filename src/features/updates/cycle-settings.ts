import type { CycleSettings } from '../../api/tracking-schemas';
import { DEFAULT_CYCLE_SETTINGS } from '../../tracking';

/**
 * The cycle the form plans with: the server's setting as migration 0003 seeds it (Monday 12:00; GDP
 * quarterly). No endpoint serves the setting yet; the server checks every date on its own clock, so a
 * changed setting moves only the banner and the default as-of dates here.
 */
export const CYCLE_SETTINGS: CycleSettings = {
  ...DEFAULT_CYCLE_SETTINGS,
  frequencies: { 'economy/gdp': 'quarterly' },
};
