export { hasWsdlExtension, looksLikeWsdl } from './detect-wsdl.js';
export { loadWsdlSpec, WSDL_FORMAT, type LoadWsdlSpecOptions } from './load-wsdl-spec.js';
export { readSoapAddress } from './read-address.js';
export { wsdlStubDocument } from './wsdl-document.js';
export { wsdlSetSha256, type WsdlSetFile } from './wsdl-set-hash.js';
export { wsdlVersion } from './wsdl-version.js';
