export { encodeForm } from './encode-form.js';
export { sendWrite, type WriteRequest } from './send-write.js';
