/**
 * Where Discord's OpenAPI spec (../shared/discord-api-spec/openapi.json, commit 74fda0f) contradicts Discord's own
 * documentation and what Discord itself sends: the contract check uses the documented schema instead. Each erratum
 * carries its evidence; keep this list short and remove an erratum once the spec is fixed.
 */
export interface SpecErratum {
  /** The component schemas (`components.schemas.<name>`) whose property is wrong. */
  schemas: readonly string[];
  property: string;
  /** The property's schema as Discord documents it. */
  documented: Record<string, unknown>;
  evidence: string;
}

export const SPEC_ERRATA: readonly SpecErratum[] = [
  {
    schemas: ['ApplicationCommandCreateRequest', 'ApplicationCommandUpdateRequest', 'ApplicationCommandPatchRequestPartial'],
    property: 'default_member_permissions',
    documented: { type: ['string', 'null'], pattern: '^[0-9]+$' },
    evidence:
      'The request schemas say integer, but Discord documents the field as "?string: Set of permissions represented as a bit set" ' +
      '("a bitwise OR-ed set of permissions, serialized as a string", application-commands#application-command-object), the same ' +
      'spec types it string in ApplicationCommandResponse, and discord-api-types (RESTPostAPIApplicationCommandsJSONBody) sends a ' +
      'string: a bit field can exceed 2^53, which a JSON number cannot carry exactly.',
  },
];
