import { describe, expect, it } from 'vitest';
import { createSpecRefs } from '../openapi/spec-refs.js';
import { recordFields, unifiedFields, type FieldShape } from './field-kinds.js';
import { fit, matchFields } from './match-fields.js';
import { normalizeFieldName } from './names.js';

const shape = (kind: FieldShape['kind'], optional = false, nullable = false): FieldShape => ({ kind, optional, nullable });

describe('normalizeFieldName', () => {
  it.each([
    ['created_at', 'createdAt'],
    ['CreatedAt', 'createdAt'],
    ['email', 'Email'],
    ['first-name', 'firstName'],
    ['ID', 'id'],
  ])('%s matches %s', (a, b) => expect(normalizeFieldName(a)).toBe(normalizeFieldName(b)));

  it('keeps different names apart', () => expect(normalizeFieldName('created')).not.toBe(normalizeFieldName('createdAt')));
});

describe('fit: which record field kinds fill which unified fields', () => {
  it.each([
    // unified, record, result
    [shape('string'), shape('string'), 'direct'],
    [shape('string'), shape('date-time'), 'direct'],
    [shape('string'), shape('integer'), undefined],
    [shape('number'), shape('integer'), 'direct'],
    [shape('number'), shape('number'), 'direct'],
    [shape('integer'), shape('integer'), 'direct'],
    [shape('integer'), shape('number'), undefined],
    [shape('boolean'), shape('boolean'), 'direct'],
    [shape('boolean'), shape('string'), undefined],
    [shape('date-time', true), shape('date-time'), 'direct'],
    [shape('date-time', true), shape('string'), undefined],
    [shape('date-time', true), shape('integer'), undefined],
    [shape('date', true), shape('date'), 'direct'],
    [shape('enum'), shape('string'), undefined],
    [shape('other'), shape('other'), undefined],
    // absence and null
    [shape('string'), shape('string', true), undefined],
    [shape('string', true), shape('string', true), 'direct'],
    [shape('string', true, true), shape('string', false, true), 'direct'],
    [shape('string', true), shape('string', true, true), 'null-to-undefined'],
    [shape('string'), shape('string', false, true), undefined],
  ] as const)('%o <- %o: %s', (unified, record, expected) => {
    expect(fit(unified, record)).toBe(expected);
  });
});

describe('matchFields', () => {
  const refs = createSpecRefs({});
  const record = recordFields(refs, {
    type: 'object',
    required: ['id', 'email', 'created_at', 'accepts_marketing', 'tags'],
    properties: {
      id: { type: 'string' },
      email: { type: 'string', format: 'email' },
      first_name: { type: 'string', nullable: true },
      last_name: { type: 'integer' },
      created_at: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'integer', format: 'unix-time' },
      accepts_marketing: { type: 'boolean' },
      tags: { type: 'array', items: { type: 'string' } },
      status: { type: 'string', enum: ['enabled', 'disabled'] },
    },
  });

  it('pre-fills a unified Customer from same-named fields of compatible types only', () => {
    expect(matchFields(unifiedFields('Customer'), record)).toEqual([
      { unified: 'id', record: 'id', nullToUndefined: false },
      { unified: 'createdAt', record: 'created_at', nullToUndefined: false },
      { unified: 'email', record: 'email', nullToUndefined: false },
      { unified: 'firstName', record: 'first_name', nullToUndefined: true },
      { unified: 'acceptsMarketing', record: 'accepts_marketing', nullToUndefined: false },
    ]);
  });

  it('prefers the exact spelling when two record fields normalize alike', () => {
    const twins = new Map([
      ['created_at', shape('date-time')],
      ['createdAt', shape('date-time')],
    ]);
    expect(matchFields(new Map([['createdAt', shape('date-time', true)]]), twins)).toEqual([{ unified: 'createdAt', record: 'createdAt', nullToUndefined: false }]);
  });

  it('falls back to another spelling when the exact one has the wrong type', () => {
    const twins = new Map([
      ['createdAt', shape('integer')],
      ['created_at', shape('date-time')],
    ]);
    expect(matchFields(new Map([['createdAt', shape('date-time', true)]]), twins)).toEqual([{ unified: 'createdAt', record: 'created_at', nullToUndefined: false }]);
  });
});

describe('recordFields', () => {
  it('reads through $ref and allOf, adding up required lists', () => {
    const refs = createSpecRefs({
      components: {
        schemas: {
          Base: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
          Stamp: { type: 'string', format: 'date-time' },
        },
      },
    });
    const fields = recordFields(refs, {
      allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { at: { $ref: '#/components/schemas/Stamp' }, n: { type: ['integer', 'null'] } } }],
    });
    expect(Object.fromEntries(fields)).toEqual({
      id: shape('string'),
      at: shape('date-time', true),
      n: shape('integer', true, true),
    });
  });

  it('treats unions and composed values as not directly assignable', () => {
    const fields = recordFields(createSpecRefs({}), { properties: { customer: { anyOf: [{ type: 'string' }, { type: 'object' }] } } });
    expect(fields.get('customer')?.kind).toBe('other');
  });
});

describe('unifiedFields', () => {
  it('reads kinds, absence and null from the core zod schema', () => {
    const fields = unifiedFields('Transaction');
    expect(fields.get('id')).toEqual(shape('string'));
    expect(fields.get('createdAt')).toEqual(shape('date-time', true));
    expect(fields.get('type')).toEqual(shape('enum'));
    expect(fields.get('amount')).toEqual(shape('other'));
    expect(unifiedFields('Customer').get('email')).toEqual(shape('string', true, true));
    expect(unifiedFields('LineItem').get('quantity')).toEqual(shape('integer'));
  });
});
