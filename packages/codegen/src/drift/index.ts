export type { DriftChange, DriftSeverity, DriftSide, DiffOptions } from './drift-change.js';
export { diffSurfaces } from './diff-surfaces.js';
export { driftReport, type DriftReport, type DriftReportJson } from './drift-report.js';
