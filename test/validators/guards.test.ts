/** The exported guards narrow to the generated types (checked by tsc) and agree with the validate functions. */
import { describe, expectTypeOf, expect, it } from "vitest";
import type { components } from "../../generated/pylon/types.js";
import { isContactList, schemaValidators, validateContactList } from "../../generated/pylon/validators.js";
import type { Validator } from "../../generated/pylon/runtime/validation.js";

describe("generated guards", () => {
  it("narrow unknown values to the component schema's type", () => {
    const value: unknown = JSON.parse('{"data":[{"id":"c_1"}],"pagination":{"cursor":"p","has_next_page":false}}');
    expect(isContactList(value)).toBe(true);
    if (isContactList(value)) {
      expectTypeOf(value).toEqualTypeOf<components["schemas"]["ContactList"]>();
      expect(value.data[0]?.id).toBe("c_1");
    }
    expect(validateContactList({ data: [] })).toEqual([
      { path: "/pagination", keyword: "required", message: 'is required (missing property "pagination")' },
    ]);
  });

  it("keep each schema's type in the schemaValidators record", () => {
    expectTypeOf(schemaValidators.ContactList).toEqualTypeOf<Validator<components["schemas"]["ContactList"]>>();
    expect(Object.keys(schemaValidators)).toContain("PortalRole");
  });
});
