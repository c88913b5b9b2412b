/** Prints the config spec as a JSON Schema (draft-07, the draft editors support best). */
import { configSpec, type Spec } from './spec';

/** A JSON Schema document, as plain JSON data. */
export type JsonSchema = { readonly [key: string]: unknown };

function toSchema(spec: Spec): JsonSchema {
  switch (spec.type) {
    case 'string':
      return {
        type: 'string',
        description: spec.description,
        ...(spec.enum !== undefined ? { enum: [...spec.enum] } : {}),
        ...(spec.minLength !== undefined ? { minLength: spec.minLength } : {}),
        ...(spec.maxLength !== undefined ? { maxLength: spec.maxLength } : {}),
        ...(spec.pattern !== undefined ? { pattern: spec.pattern } : {}),
      };
    case 'array':
      return { type: 'array', description: spec.description, items: toSchema(spec.items) };
    case 'object':
      return {
        type: 'object',
        description: spec.description,
        properties: Object.fromEntries(Object.entries(spec.properties).map(([k, v]) => [k, toSchema(v)])),
        additionalProperties: false,
      };
  }
}

/** The JSON Schema of schemac.config.json, as written to schemac.config.schema.json. */
export function configJsonSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'schemac.config.json',
    ...toSchema(configSpec),
  };
}
