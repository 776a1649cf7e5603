export { discoverListEndpoints } from './discover-list-endpoints.js';
export { formatDiscoveryTable } from './format-discovery-table.js';
export { reportPaginationType, toListEndpointReport } from './list-endpoint-report.js';
