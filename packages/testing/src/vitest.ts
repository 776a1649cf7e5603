// The vitest half of @portage/testing, apart so that importing the package never loads vitest.
export { contractSnapshotPath, describeConnectorContract } from './contract/describe-connector-contract.js';
