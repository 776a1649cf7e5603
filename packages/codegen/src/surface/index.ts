export { buildSurface } from './build-surface.js';
export { surfaceJson } from './surface-json.js';
export { flattenSchema, MAX_FIELD_DEPTH } from './flatten-schema.js';
export { schemaShape, type SchemaShape } from './schema-shape.js';
export { pickJsonMedia } from './json-media.js';
export { componentRefName } from './component-ref.js';
