import { describe, expect, it } from 'vitest';
import { exactDeserializers } from './exact-xsd-types.js';
import { readSoapFault } from './soap-fault.js';
import { classifySoapFault } from './soap-fault-codes.js';

const envelope11 = (fault: string) => `<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${fault}</s:Body></s:Envelope>`;

describe('readSoapFault', () => {
  it('reads a SOAP 1.1 fault with a namespaced detail code', () => {
    const fault = readSoapFault(
      envelope11(
        '<s:Fault><faultcode>s:Server.userException</faultcode><faultstring>Only one request at a time</faultstring><detail><f:exceededConcurrentRequestLimitFault xmlns:f="urn:f"><f:code>WS_CONCUR_SESSION_DISALLWD</f:code></f:exceededConcurrentRequestLimitFault></detail></s:Fault>',
      ),
    );
    expect(fault).toEqual({ faultCode: 'Server.userException', message: 'Only one request at a time', platformCode: 'WS_CONCUR_SESSION_DISALLWD', detailName: 'exceededConcurrentRequestLimitFault' });
  });

  it('takes a vendor-prefixed faultcode as the platform code', () => {
    expect(readSoapFault(envelope11('<s:Fault><faultcode>sf:REQUEST_LIMIT_EXCEEDED</faultcode><faultstring>limit</faultstring></s:Fault>'))?.platformCode).toBe('REQUEST_LIMIT_EXCEEDED');
  });

  it('reads a SOAP 1.2 fault', () => {
    const fault = readSoapFault(
      '<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body><e:Fault><e:Code><e:Value>e:Receiver</e:Value><e:Subcode><e:Value>x:Busy</e:Value></e:Subcode></e:Code><e:Reason><e:Text xml:lang="en">try later</e:Text></e:Reason></e:Fault></e:Body></e:Envelope>',
    );
    expect(fault).toMatchObject({ faultCode: 'Receiver.Busy', message: 'try later' });
  });

  it('is undefined for an envelope without a fault, and throws MALFORMED_RESPONSE for non-XML', () => {
    expect(readSoapFault(envelope11('<queryResponse/>'))).toBeUndefined();
    expect(() => readSoapFault('<html><body>')).toThrow(/MALFORMED_RESPONSE/);
  });
});

describe('classifySoapFault', () => {
  it.each([
    [{ faultCode: 'Server.userException', message: '', platformCode: 'WS_CONCUR_SESSION_DISALLWD' }, 'RATE_LIMITED'],
    [{ faultCode: 'Server.userException', message: '', platformCode: 'EXCEEDED_CONCURRENCY_LIMIT' }, 'RATE_LIMITED'],
    [{ faultCode: 'Server.userException', message: '', platformCode: 'EXCEEDED_REQUEST_LIMIT' }, 'RATE_LIMITED'],
    [{ faultCode: 'INVALID_SESSION_ID', message: '', platformCode: 'INVALID_SESSION_ID' }, 'AUTH_EXPIRED'],
    // The code wins over the detail element's name.
    [{ faultCode: 'Server.userException', message: '', platformCode: 'INVALID_LOGIN_CREDENTIALS', detailName: 'invalidSessionFault' }, 'AUTH_INVALID'],
    [{ faultCode: 'Server.userException', message: '', detailName: 'invalidCredentialsFault' }, 'AUTH_INVALID'],
    [{ faultCode: 'Client', message: 'bad input' }, 'VALIDATION_FAILED'],
    [{ faultCode: 'Server', message: 'boom' }, 'UPSTREAM_UNAVAILABLE'],
    [{ faultCode: 'Server.userException', message: '', platformCode: 'SOMETHING_NEW' }, 'UNKNOWN'],
    [{ faultCode: 'VersionMismatch', message: '' }, 'CONFIG_INVALID'],
  ] as const)('%o -> %s', (fault, expected) => {
    expect(classifySoapFault(fault, 500)).toBe(expected);
  });

  it('tries connector rules first', () => {
    expect(classifySoapFault({ faultCode: 'Server.userException', message: '', platformCode: 'SOMETHING_NEW' }, 500, [{ pattern: '^SOMETHING_', code: 'NOT_FOUND' }])).toBe('NOT_FOUND');
  });
});

describe('exactDeserializers', () => {
  const read = exactDeserializers();
  it('keeps long, decimal, double and dates as the text sent', () => {
    expect(read.long!('9007199254740993')).toBe('9007199254740993');
    expect(read.integer!('-123456789012345678901234567890')).toBe('-123456789012345678901234567890');
    expect(read.decimal!('0.10')).toBe('0.10');
    expect(read.double!('1.0E7')).toBe('1.0E7');
    expect(read.dateTime!('2024-01-01T00:00:00+05:30')).toBe('2024-01-01T00:00:00+05:30');
  });
  it('turns small integers and booleans into JSON numbers and booleans', () => {
    expect(read.int!('42')).toBe(42);
    expect(read.unsignedInt!('4294967295')).toBe(4294967295);
    expect(read.boolean!('1')).toBe(true);
    expect(read.boolean!('false')).toBe(false);
  });
});
