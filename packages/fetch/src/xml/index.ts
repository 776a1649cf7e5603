export { parseXml, XML_ATTRIBUTE_PREFIX, XML_TEXT_KEY, type ParseXmlOptions } from './parse-xml.js';
