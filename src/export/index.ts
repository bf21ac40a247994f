export { buildMetricsCsv, METRICS_CSV_HEADER, metricsCsvFileName, quoteCsvCell } from './metrics-csv';
export { downloadText } from './download';
