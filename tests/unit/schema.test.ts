import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DATASET_FIELDS, EVENT_FIELDS, EVENT_REQUIRED, KINDS, SOURCE_FIELDS, SOURCE_REQUIRED, THREAD_FIELDS,
} from '../../src/lib/data/types.ts';
import { dataset, event } from '../fixtures/make.ts';

const schema = JSON.parse(readFileSync('data/events.schema.json', 'utf8'));
const sorted = (a: readonly string[]) => [...a].sort();

describe('data/events.schema.json', () => {
  it('lists the same fields as the TypeScript types', () => {
    expect(sorted(Object.keys(schema.properties))).toEqual(sorted(DATASET_FIELDS));
    expect(sorted(Object.keys(schema.$defs.event.properties))).toEqual(sorted(EVENT_FIELDS));
    expect(sorted(schema.$defs.event.required)).toEqual(sorted(EVENT_REQUIRED));
    expect(sorted(Object.keys(schema.$defs.source.properties))).toEqual(sorted(SOURCE_FIELDS));
    expect(sorted(schema.$defs.source.required)).toEqual(sorted(SOURCE_REQUIRED));
    expect(sorted(Object.keys(schema.$defs.thread.properties))).toEqual(sorted(THREAD_FIELDS));
    expect(schema.$defs.event.properties.kind.enum).toEqual([...KINDS]);
  });

  it('accepts what the validator accepts and rejects a bad kind', () => {
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    expect(validate(dataset([event('a', '2025-01-02'), event('b', '2025-02')]))).toBe(true);
    expect(validate(dataset([event('a', '2025-01-02', { kind: 'rumour' })]))).toBe(false);
  });
});
