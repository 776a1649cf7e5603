export type * from './model.js';
export { SpecError } from './openapi/spec-error.js';
export { createSpecRefs } from './openapi/spec-refs.js';
export { generateConnector, specLockPath, type GenerateResult } from './engine/generate-connector.js';
export { writeGeneratedFiles, type WriteResult } from './engine/write-generated-files.js';
export { loadSpec, type LoadSpecOptions } from './openapi/load-spec.js';
export { readSpecLock } from './openapi/spec-lock.js';
export { discoverListEndpoints } from './discovery/discover-list-endpoints.js';
export { formatDiscoveryTable } from './discovery/format-discovery-table.js';
export { toListEndpointReport } from './discovery/list-endpoint-report.js';
export { parseSpecSource, formatSpecSource } from './source/spec-source.js';
export { suggestEntities, readEntityChoices } from './scaffold/choose-entities.js';
export { assertPlatformName, entityNameOf } from './scaffold/names.js';
export { chooseRequestedEntities, parseEntitiesOption, type EntityRequest } from './scaffold/entities-option.js';
export { buildSurface } from './surface/build-surface.js';
export { surfaceJson } from './surface/surface-json.js';
export { diffSurfaces, driftReport, type DriftChange, type DriftSeverity, type DriftSide, type DiffOptions, type DriftReport, type DriftReportJson } from './drift/index.js';
export {
  connectorDrift,
  connectorUsage,
  contractParametersOf,
  changeTouches,
  driftImpactReport,
  driftPlatforms,
  loadWorkspaceConnector,
  type ConnectorDrift,
  type ConnectorDriftOptions,
  type ConnectorDriftOutcome,
  type ConnectorDriftFailure,
  type ChangeImpact,
  type ImpactUse,
  type ImpactVia,
  type Touch,
  type EntityUsage,
  type SentValue,
  type ReadPath,
  type UsePurpose,
  type MappingSite,
  type DriftImpactReport,
  type DriftImpactJson,
  type ConnectorImpactJson,
} from './drift/index.js';
export { compileWsdl, compileWsdlSet, compileWsdlText, loadWsdl, wsdlSetFromText, type CompiledWsdl, type WsdlStats, type WsdlSet, type ReadDocumentOptions, type CompiledOperation } from './wsdl/index.js';
export { buildWsdlSurface } from './surface/build-wsdl-surface.js';
export { discoverSoapEntities } from './discovery/discover-soap-entities.js';
export { loadWsdlSpec, wsdlSetSha256, type WsdlSetFile } from './wsdl-spec/index.js';
export { discoverEntities } from './discovery/discover-entities.js';
