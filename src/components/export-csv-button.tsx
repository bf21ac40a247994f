/** Placeholder: the CSV export of every metric with its analysis (issue 7) replaces this. */
export function ExportCsvButton() {
  return null;
}
