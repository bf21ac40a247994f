// Every number that decides whether a typed figure is refused, questioned or accepted, when a cycle is
// due, and how a trend is drawn lives here, so a policy change is one edit and the tests that pin the
// boundaries point at one place. The status rules themselves (序时进度 bands) stay in
// src/progress/thresholds.ts: tracking reuses them and never restates them.

export const TRACKING_RULES = {
  // --- Impossible: refused by the form and again by the server (422) -------------------------------
  /**
   * A double holds 15 significant decimal digits exactly; a 16th is noise (0.1 + 0.2 = 0.30000000000000004
   * has 17). Nobody reports a district figure to 16 digits, so more is a paste accident.
   */
  maxSignificantDigits: 15,
  /**
   * No figure of a district reaches a thousand trillion (10^15) in any unit: the district's GDP is 253亿元
   * (2.53 × 10^10 元). Beyond it is a typo, and beyond 2^53 integers stop being exact.
   */
  maxMagnitude: 1e15,
  /** A share in % is at most 100 (清扫率 100%); over it is impossible for the rates this data set tracks. */
  maxPercent: 100,

  // --- Odd but possible: the form asks the person to confirm; the server accepts ---------------------
  /**
   * A new value more than this many times the last approved one, or less than its 1/jumpFactor, is
   * questioned (a slipped 万, a figure in the wrong unit: 94.3亿元 typed as 943). 3× leaves room for
   * the real jumps of a young year (a count that goes 1 → 3) while catching a factor of 10.
   */
  jumpFactor: 3,
  /**
   * For a cumulative metric with a yearly target: the gain per day since the last approved value is
   * questioned when it exceeds paceFactor × the faster of the 序时 pace (target / days in year) and the
   * pace achieved so far (last value / its elapsed days). Key-project investment: 94.3亿元 by 05-31 is
   * 0.62亿/day; 3× that is 1.87亿/day, so 150亿 by 06-30 (1.86亿/day) passes and 160亿 is questioned.
   */
  paceFactor: 3,

  // --- Cumulative metrics ------------------------------------------------------------------------
  /**
   * Units whose figures are levels, not running totals, so that going down is ordinary: rates and
   * concentrations (an average can fall). Everything else with `direction: 'higher'` is treated as a
   * year-to-date total that should not decrease; neutral counts (施工工地 278个) are stocks and may.
   */
  levelUnits: ['%', '‰', '微克/立方米'] as readonly string[],

  // --- Text bounds (the body schemas) ------------------------------------------------------------
  text: {
    note: 500,
    basis: 200,
    /** Each of 工作进展 / 存在问题 / 下步打算. */
    narrativePart: 4000,
    reviewComment: 1000,
    username: { min: 3, max: 32 },
    /**
     * In characters (code points), as server/auth/password-policy.ts counts them: OWASP ASVS 4.0 V2.1.1/V2.1.2
     * (at least 12, more than 128 refused). The bound keeps a sign-in body small.
     */
    password: { min: 12, max: 128 },
  },
  /** One domain has at most a few dozen metrics; an update naming more is not a real update. */
  maxObservationsPerUpdate: 200,
  maxMilestonesPerUpdate: 100,

  // --- Cycles (填报周期) ----------------------------------------------------------------------------
  /** The district's clock: Asia/Shanghai has kept +08:00 all year since 1991 (no daylight saving). */
  utcOffsetMinutes: 8 * 60,
  /** Weekly updates are due before the Monday meeting: Monday 12:00 unless the setting says otherwise. */
  defaultDeadline: { weekday: 1, time: '12:00' },
} as const;

export type TrackingRules = typeof TRACKING_RULES;
