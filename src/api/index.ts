export * from './schemas';
export * from './errors';
export { getJson, apiBaseUrl, setApiReady, setApiReadyOnDemand, setTransportRecovery } from './client';
export * from './queries';
export { CURRENT_REPORT_ID } from './current-report';
