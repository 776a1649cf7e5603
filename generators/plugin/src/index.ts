export { connectorGenerator, writeFilesToTree, type ConnectorGeneratorSchema, type TreeWriteResult } from './connector/connector-generator.js';
