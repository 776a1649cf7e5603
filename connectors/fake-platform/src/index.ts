export { createFakePlatformConnector, fakePlatform, customers, payments, type FakeCustomerRecord } from './fake-platform-connector.js';
