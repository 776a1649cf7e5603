export type { DriftChange, DriftSeverity, DriftSide, DiffOptions } from './drift-change.js';
export { diffSurfaces } from './diff-surfaces.js';
export { driftReport, type DriftReport, type DriftReportJson } from './drift-report.js';
export { connectorUsage, contractParametersOf, type EntityUsage, type SentValue, type ReadPath, type UsePurpose } from './connector-usage.js';
export { changeTouches, type Touch, type ImpactVia } from './change-touches.js';
export type { MappingSite } from './diagnostic-sites.js';
export { connectorDrift, type ConnectorDrift, type ConnectorDriftOptions, type ChangeImpact, type ImpactUse } from './connector-drift.js';
export {
  driftImpactReport,
  type DriftImpactReport,
  type DriftImpactJson,
  type ConnectorImpactJson,
  type ConnectorDriftOutcome,
  type ConnectorDriftFailure,
} from './impact-report.js';
export { driftPlatforms, loadWorkspaceConnector } from './workspace-connectors.js';
