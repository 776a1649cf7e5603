import { getPath, isPortageError, PortageError, setPath, type TenantPlacement } from '@portage/core';
import { sendWrite, type FetchClient } from '@portage/fetch';
import {
  beginExportAttempt,
  clearCreateSent,
  contentHash,
  linkExport,
  readSyncedRecord,
  recordExportSuccess,
  writeRecords,
  type ExportLink,
  type ExportLinkKey,
} from '@portage/persist';
import { mapPage, remoteUpdatedAt } from '../sync/map-page.js';
import type { ExportContext } from './export-context.js';
import { contentHashWithoutUpdatedAt, decideConflict, exportConflict } from './export-conflict.js';
import type { ExportInput, ExportResult, Target } from './export-target.js';

/** One export's steps, sharing what they read. */
export class ExportRun {
  readonly #hash: string;
  readonly #tenant: { headers: Record<string, string>; query: Record<string, string>; placement?: TenantPlacement };

  constructor(
    readonly context: ExportContext,
    readonly target: Target,
    readonly client: FetchClient,
    readonly key: ExportLinkKey,
    readonly record: Record<string, unknown>,
    readonly input: ExportInput,
  ) {
    this.#hash = contentHash(record);
    const placement = target.entity.tenant ?? target.connector.tenant;
    const tenant = target.connection.tenant;
    this.#tenant = {
      headers: placement?.in === 'header' ? { [placement.name]: tenant } : {},
      query: placement?.in === 'query' ? { [placement.name]: tenant } : {},
      ...(placement?.in === 'body' && { placement }),
    };
  }

  get db() {
    return this.context.database.db;
  }

  // `found` was read under the record's lease: nothing else changes the link meanwhile.
  async execute(found: ExportLink | undefined): Promise<ExportResult> {
    const operation = this.input.operation ?? 'upsert';
    let link = found;
    if (!link?.externalId && this.input.externalId !== undefined) link = await linkExport(this.db, this.key, this.input.externalId);
    let recovered = false;

    if (link?.externalId === undefined) {
      if (operation === 'update') {
        throw new PortageError('NOT_FOUND', `no platform record is linked to ${this.key.entity} "${this.key.localKey}": export it with operation create or upsert, or pass the externalId to update`, {
          context: { entity: this.key.entity, localKey: this.key.localKey },
        });
      }
      // Without keys, a create whose answer was lost is looked up; without a lookup either,
      // `create` refuses to guess (unless forced).
      if (link?.createSentAt && !this.target.spec.idempotencyHeader && this.target.spec.lookup) {
        const found = await this.findLostCreate(link);
        if (found) {
          link = found;
          recovered = true;
        } else {
          await clearCreateSent(this.db, this.key);
        }
      }
      if (link?.externalId === undefined) {
        const created = await this.create(link);
        link = created.link;
        recovered = created.recovered;
      }
      // The create wrote this content (or one an update cannot change): done.
      if (link.exportedHash === this.#hash || !this.target.spec.update) return this.result('created', link, recovered);
      // A lost create carried older content: bring the platform up to date.
      const updated = await this.update(link, 'created');
      return this.result('created', updated, recovered);
    }

    if (link.exportedHash === this.#hash && !this.input.force) return this.result('unchanged', link);
    if (!this.target.spec.update) {
      if (operation === 'create' || link.exportedHash !== undefined) return this.result('unchanged', link);
      throw new PortageError('CONFIG_INVALID', `${this.key.entity} declares no export update: records already on the platform cannot be changed`, { context: { entity: this.key.entity } });
    }
    return this.result('updated', await this.update(link));
  }

  result(status: ExportResult['status'], link: ExportLink, recovered = false): ExportResult {
    return {
      status,
      ...(link.externalId !== undefined && { externalId: link.externalId }),
      ...(link.remoteUpdatedAt && { remoteUpdatedAt: link.remoteUpdatedAt.toISOString() }),
      ...(recovered && { recovered }),
    };
  }

  async create(previous: ExportLink | undefined): Promise<{ link: ExportLink; recovered: boolean }> {
    const spec = this.target.spec.create;
    if (!spec) {
      throw new PortageError('CONFIG_INVALID', `${this.key.entity} declares no export create: link local records to existing platform records (externalId) and update them`, {
        context: { entity: this.key.entity },
      });
    }
    if (previous?.createSentAt && !this.target.spec.idempotencyHeader && !this.target.spec.lookup && !this.input.force) {
      throw new PortageError(
        'UNKNOWN',
        `a create of ${this.key.entity} "${this.key.localKey}" was sent at ${previous.createSentAt.toISOString()} and its answer was lost; the platform has neither idempotency keys nor a declared lookup, so Portage cannot tell whether it landed. Check the platform, then link the record (linkExport) or export again with force`,
        { context: { entity: this.key.entity, localKey: this.key.localKey } },
      );
    }
    // Marked sent, and committed, before sending: should the answer be lost, the retry knows to look first.
    const link = await beginExportAttempt(this.db, this.key, { hash: this.#hash, body: this.withTenant(spec.from(this.record as never)), createSent: true });
    let response;
    try {
      response = await sendWrite(this.client, {
        method: spec.method,
        path: spec.path,
        body: link.attemptBody,
        bodyFormat: spec.bodyFormat ?? 'json',
        headers: this.#tenant.headers,
        query: this.#tenant.query,
        ...this.idempotency(link),
        ...(this.input.signal && { signal: this.input.signal }),
      });
    } catch (error) {
      // A 4xx is a refusal: nothing was created, so the next attempt needs no lookup.
      const status = isPortageError(error) ? error.context.status : undefined;
      if (typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 409 && status !== 429) await clearCreateSent(this.db, this.key);
      throw error;
    }
    const written = this.writtenRecord(response.body, spec.recordPath);
    const externalId = this.idOf(written);
    const saved = await recordExportSuccess(this.db, this.key, { externalId, state: 'created', exportedHash: link.attemptHash ?? this.#hash, ...this.remoteFacts(written) });
    this.context.logger.info({ connectionId: this.key.connectionId, entity: this.key.entity, localKey: this.key.localKey, externalId, attempts: response.attempts }, 'export created a record');
    // Stripe and the fake platform say so when a keyed repeat got the stored answer.
    return { link: saved, recovered: response.headers['idempotent-replayed'] === 'true' };
  }

  async update(link: ExportLink, state: 'created' | 'updated' = 'updated'): Promise<ExportLink> {
    const spec = this.target.spec.update!;
    const externalId = link.externalId!;
    await this.checkConflict(link, externalId);
    const attempt = await beginExportAttempt(this.db, this.key, { hash: this.#hash, body: this.withTenant(spec.from(this.record as never)) });
    const response = await sendWrite(this.client, {
      method: spec.method,
      path: spec.path.replaceAll('{id}', encodeURIComponent(externalId)),
      body: attempt.attemptBody,
      bodyFormat: spec.bodyFormat ?? 'json',
      headers: this.#tenant.headers,
      query: this.#tenant.query,
      ...this.idempotency(attempt),
      ...(this.input.signal && { signal: this.input.signal }),
    });
    const written = response.body === undefined ? undefined : this.writtenRecord(response.body, spec.recordPath);
    const saved = await recordExportSuccess(this.db, this.key, {
      externalId,
      state,
      exportedHash: attempt.attemptHash ?? this.#hash,
      ...(written === undefined ? {} : this.remoteFacts(written)),
    });
    this.context.logger.info({ connectionId: this.key.connectionId, entity: this.key.entity, localKey: this.key.localKey, externalId, attempts: response.attempts }, 'export updated a record');
    return saved;
  }

  // Reads the platform's record and compares it with the last version Portage knew; with
  // resyncFirst, stores it instead (the caller accepts the overwrite and learns what changed).
  async checkConflict(link: ExportLink, externalId: string): Promise<void> {
    if (this.input.force && !this.input.resyncFirst) return;
    const read = this.target.spec.read;
    if (!read) {
      throw new PortageError('CONFIG_INVALID', `${this.key.entity} declares no export read, which the conflict check needs: add \`read: { path }\` to its export, or export with force`, {
        context: { entity: this.key.entity },
      });
    }
    const response = await this.client.request({
      method: 'GET',
      path: read.path.replaceAll('{id}', encodeURIComponent(externalId)),
      headers: this.#tenant.headers,
      query: this.#tenant.query,
    }, this.input.signal ? { signal: this.input.signal } : {});
    const raw = this.writtenRecord(response.body, read.recordPath);
    const mapped = mapPage(this.target.entity, this.key.entity, [raw]);
    const own = mapped.records.find((candidate) => candidate.externalId === externalId) ?? mapped.records[0];
    if (this.input.resyncFirst) {
      if (own) await writeRecords(this.db, { connectionId: this.key.connectionId, entity: this.key.entity, records: [own] });
      return;
    }
    if (this.input.force) return;
    const synced = await readSyncedRecord(this.db, { connectionId: this.key.connectionId, entity: this.key.entity, externalId });
    const updatedAt = this.updatedAtOf(raw);
    const verdict = decideConflict({
      platform: { updatedAt, content: own?.data ?? raw },
      synced: synced && !synced.deleted ? synced : undefined,
      exported: link.exportedHash !== undefined ? link : undefined,
    });
    if (verdict.conflict) throw exportConflict({ entity: this.key.entity, localKey: this.key.localKey, externalId, verdict });
  }

  // Without idempotency keys, a create whose answer was lost is looked for by the lookup.
  async findLostCreate(link: ExportLink): Promise<ExportLink | undefined> {
    const lookup = this.target.spec.lookup;
    if (!lookup) return undefined;
    const response = await this.client.request({
      method: 'GET',
      path: lookup.path,
      headers: this.#tenant.headers,
      query: { ...this.#tenant.query, ...lookup.query(this.record as never) },
    }, this.input.signal ? { signal: this.input.signal } : {});
    const matches = getPath(response.body, lookup.recordsPath ?? '');
    if (!Array.isArray(matches)) {
      throw new PortageError('MALFORMED_RESPONSE', `the ${this.key.entity} lookup answered no list at "${lookup.recordsPath ?? ''}"`, { context: { entity: this.key.entity } });
    }
    if (matches.length === 0) return undefined;
    if (matches.length > 1) {
      throw new PortageError('UNKNOWN', `${matches.length} ${this.key.entity} records match the lookup of local record "${this.key.localKey}", whose create's answer was lost: link the right one by hand (linkExport)`, {
        context: { entity: this.key.entity, localKey: this.key.localKey, candidates: matches.map((match) => String(getPath(match, this.target.entity.primaryKey))) },
      });
    }
    const externalId = this.idOf(matches[0]);
    this.context.logger.warn({ connectionId: this.key.connectionId, entity: this.key.entity, localKey: this.key.localKey, externalId }, 'a create whose answer was lost had landed: linked it instead of creating again');
    return recordExportSuccess(this.db, this.key, { externalId, state: 'created', exportedHash: link.attemptHash ?? this.#hash, ...this.remoteFacts(matches[0]) });
  }

  idempotency(link: ExportLink): { idempotency?: { header: string; key: string } } {
    const header = this.target.spec.idempotencyHeader;
    return header && link.idempotencyKey ? { idempotency: { header, key: link.idempotencyKey } } : {};
  }

  withTenant(body: unknown): unknown {
    const placement = this.#tenant.placement;
    if (!placement) return body;
    const tenant = this.target.connection.tenant;
    const value = placement.list ? tenant.split(',').map((part) => part.trim()).filter((part) => part !== '') : tenant;
    return setPath(body ?? {}, placement.name, value);
  }

  writtenRecord(body: unknown, recordPath: string | undefined): unknown {
    const record = getPath(body, recordPath ?? '');
    if (record === null || typeof record !== 'object') {
      throw new PortageError('MALFORMED_RESPONSE', `the platform's answer holds no ${this.key.entity} record at "${recordPath ?? ''}"`, { context: { entity: this.key.entity } });
    }
    return record;
  }

  idOf(written: unknown): string {
    const id = getPath(written, this.target.entity.primaryKey);
    if (typeof id !== 'string' && typeof id !== 'number') {
      throw new PortageError('MALFORMED_RESPONSE', `the written ${this.key.entity} record has no id at "${this.target.entity.primaryKey}"`, {
        context: { entity: this.key.entity, fieldPath: this.target.entity.primaryKey },
      });
    }
    return String(id);
  }

  updatedAtOf(raw: unknown): Date | undefined {
    return remoteUpdatedAt(raw, this.target.entity.updatedAtPath) ?? undefined;
  }

  remoteFacts(written: unknown): { remoteUpdatedAt: Date | null; remoteHash: string | null } {
    let remoteHash: string | null = null;
    try {
      const mapped = this.target.entity.map(written);
      remoteHash = contentHashWithoutUpdatedAt(Array.isArray(mapped) ? mapped[0] : mapped);
    } catch {
      // A write's answer may be partial: without a hash the conflict check falls back on times.
    }
    return { remoteUpdatedAt: this.updatedAtOf(written) ?? null, remoteHash };
  }
}

