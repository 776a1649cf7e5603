export { conformanceDir, readPairs, runPair, runConformance, type ConformancePair, type ConformanceSummary, type PairResult } from './conformance.js';
export { oasdiffBinary, timeOasdiff } from './oasdiff.js';
