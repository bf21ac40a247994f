/** The report the app opens: the only one so far. Kept in one place so a report picker can replace it. */
export const CURRENT_REPORT_ID = 'erqi-2017-h1';
