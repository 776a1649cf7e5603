import { randomUUID } from 'node:crypto';
import type { ContactsRecord } from '@portage/connector-xero';
import { withIdempotencyKey, type IdempotencyStore, type SpecHandler, type SpecHandlers, type SpecRequest, type SpecResponse } from '@portage/spec-server';
import { msDate } from './records.js';
import type { XeroEnvelopeOptions, XeroState } from './server.js';

type Contact = ContactsRecord;

const validation = (message: string): SpecResponse => ({ status: 400, body: { ErrorNumber: 10, Type: 'ValidationException', Message: message } });
/** Xero answers 404 for an unknown id; the pinned spec does not declare it, so a test hitting it sees a violation. */
const notFound = (id: string | undefined): SpecResponse => ({ status: 404, body: { ErrorNumber: 404, Type: 'NotFoundException', Message: `No contact ${id}` } });

/** Phones and addresses replace the ones of the same type; other sent fields replace as they are. */
function applyContact(record: Contact, sent: Contact, updatedAt: string): Contact {
  const byType = <T>(kept: T[] | undefined, added: T[] | undefined, type: (item: T) => unknown) =>
    added === undefined ? kept : [...(kept ?? []).filter((item) => !added.some((other) => type(other) === type(item))), ...added];
  return {
    ...record,
    ...sent,
    Phones: byType(record.Phones, sent.Phones, (phone) => phone.PhoneType),
    Addresses: byType(record.Addresses, sent.Addresses, (address) => address.AddressType),
    UpdatedDateUTC: updatedAt,
  };
}

/**
 * The spec server handlers of a fake Xero's contact writes, over `state.contacts`: create
 * (PUT /Contacts), update (POST /Contacts/{ContactID}) and read (GET /Contacts/{ContactID}),
 * each answering Xero's envelope with `Contacts: [ ... ]`. Contact names are unique, as in
 * Xero. Writes honour an Idempotency-Key header (which Xero accepts on every PUT and POST; the
 * pinned spec predates it): a repeat with the same key and body gets the first answer.
 *
 * @example startSpecSyncWorld({ platform: 'xero', connector: xero, tenant, credentials, handlers: { ...xeroHandlers(state), ...xeroContactWrites(state) } });
 */
export function xeroContactWrites(state: XeroState, options: XeroEnvelopeOptions = {}): SpecHandlers {
  const now = options.now ?? (() => new Date());
  const responseId = options.responseId ?? randomUUID;
  const store: IdempotencyStore = new Map();
  const keyed = (handler: SpecHandler) =>
    withIdempotencyKey(handler, { store, mismatch: () => validation('The Idempotency-Key was already used for a different request') });
  const envelope = (contacts: Contact[]): SpecResponse => ({
    status: 200,
    body: { Id: responseId(), Status: 'OK', ProviderName: 'Portage e2e', DateTimeUTC: msDate(now().toISOString()), Contacts: contacts },
  });
  const sentContact = (request: SpecRequest) => ((request.body as { Contacts?: Contact[] } | undefined)?.Contacts ?? [])[0];
  const nameTaken = (name: string | undefined, except?: string) =>
    name !== undefined && state.contacts.some((contact) => contact.ContactID !== except && contact.Name?.toLowerCase() === name.toLowerCase());

  return {
    'PUT /Contacts': keyed((request) => {
      const sent = sentContact(request);
      if (!sent?.Name) return validation('A Contact must have a Name');
      if (nameTaken(sent.Name)) return validation(`The contact name ${sent.Name} is already assigned to another contact. The contact name must be unique across all active contacts.`);
      const created = applyContact({ ContactID: randomUUID(), ContactStatus: 'ACTIVE', HasValidationErrors: false }, sent, msDate(now().toISOString()));
      state.contacts.push(created);
      return envelope([created]);
    }),
    'POST /Contacts/{ContactID}': keyed((request) => {
      const id = request.pathParams.ContactID;
      const index = state.contacts.findIndex((contact) => contact.ContactID === id);
      if (index < 0) return notFound(id);
      const sent = sentContact(request) ?? {};
      if (nameTaken(sent.Name, id)) return validation(`The contact name ${sent.Name} is already assigned to another contact.`);
      const updated = applyContact(state.contacts[index]!, { ...sent, ContactID: id }, msDate(now().toISOString()));
      state.contacts[index] = updated;
      return envelope([updated]);
    }),
    'GET /Contacts/{ContactID}': (request) => {
      const contact = state.contacts.find((candidate) => candidate.ContactID === request.pathParams.ContactID);
      return contact === undefined ? notFound(request.pathParams.ContactID) : envelope([contact]);
    },
  };
}
