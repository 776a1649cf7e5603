export { createFakePlatformConnector, customerExport, fakePlatform, fromCustomer, customers, payments, type FakeCustomerRecord, type FakeCustomerWrite } from './fake-platform-connector.js';
export { fakePlatformWebhooks } from './webhooks.js';
