export { FIXTURE_FORMAT, type Fixture, type LoadedFixture, type RecordedExchange, type RecordedRequest, type RecordedResponse } from './fixture/fixture.js';
export { parseFixture, serializeFixture } from './fixture/fixture-json.js';
export { fixturePath, loadFixture, loadFixtures, writeFixture } from './fixture/fixture-files.js';
export { fixtureAge, staleFixtures, type StaleFixture } from './fixture/fixture-age.js';
export { createFixtureRedactor, type FixtureRedactor, type RedactionOptions } from './redact/fixture-redactor.js';
export { isSecretHeader, isSecretName } from './redact/secret-names.js';
export { isHighEntropy, placeholder } from './redact/secret-values.js';
export { captureRequest, captureResponse, type RawRequest, type RawResponse } from './capture/capture.js';
export { type HeaderPolicy } from './capture/relevant-headers.js';
export { createRecorder, type Recorder, type RecorderOptions } from './record/recorder.js';
export { isRecordMode, RECORD_ENV } from './record/record-mode.js';
export { replayServer, type ReplayMismatch, type ReplayOptions, type ReplayServer } from './replay/replay-server.js';
export { closestRequest, requestDifferences } from './replay/request-diff.js';
export { openFixtureSession, type FixtureSession, type FixtureSessionOptions } from './session/fixture-session.js';
export { undeclaredRequests, type RequestSurface } from './contract/undeclared-requests.js';
export { createSchemaValidator, schemaValidatorFor, type SchemaValidator } from './schema/schema-validator.js';
export { toJsonSchema, type Direction, type TranslateContext } from './schema/to-json-schema.js';
export { bodyPlace, describeErrors, parameterPlace, type PlaceRenderer } from './schema/describe-errors.js';
export { checkResponse, contentFor, contentTypes, isJsonType, mediaTypeOf, type AnswerToCheck } from './schema/check-response.js';
export {
  openContractSuite,
  runContractSuite,
  type ConnectorContractOptions,
  type ContractResult,
  type ContractScenario,
  type ContractSuite,
} from './contract/contract-suite.js';
export { contractSnapshot } from './contract/contract-snapshot.js';
export { fixtureScenarios, readScenarioFixture } from './contract/fixture-folder.js';
export { fixtureSpecProblems, type ResponseSpec } from './contract/fixture-spec-problems.js';
export { operationFor, type MatchedOperation } from './contract/operation-for.js';
export { replayCredentials } from './contract/replay-credentials.js';
export { invalidStoredRecords, rejectedRecords, storedRecords, type ContractRecord, type ContractRejection } from './contract/stored-records.js';
export { fixtureDrift } from './contract/fixture-drift.js';
export { compareFixtureShapes, fixtureShape, type ShapeChange } from './contract/fixture-shapes.js';
