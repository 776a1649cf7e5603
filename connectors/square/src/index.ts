export { square } from './connector.js';
export type * from './generated/platform.js';
