export {
  createSoapClient,
  type SoapCallOptions,
  type SoapClient,
  type SoapOperations,
  type SoapResponse,
  type UntypedSoapOperations,
} from './create-soap-client.js';
export { type SoapClientOptions, type SoapHeader, type SoapHeaderContext } from './soap-client-options.js';
export { classifySoapFault, DEFAULT_SOAP_FAULT_RULES, type SoapFaultRule } from './soap-fault-codes.js';
export { readSoapFault, type SoapFault } from './soap-fault.js';
export { exactDeserializers } from './exact-xsd-types.js';
export { loadWsdl } from './load-wsdl.js';
export { paginateSoap, type SoapPageTransport } from './paginate-soap.js';
export { soapCallOf, soapPageState, type SoapPageCall } from './soap-page-state.js';
