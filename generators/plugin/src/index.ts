export { connectorGenerator, writeFilesToTree, type ConnectorGeneratorSchema, type TreeWriteResult } from './connector/connector-generator.js';
export { chooseRequestedEntities, parseEntitiesOption, type EntityRequest } from './connector/entities-option.js';
