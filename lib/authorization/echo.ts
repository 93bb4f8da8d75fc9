import type { XacmlAttribute, XacmlResult } from "../altinn/xacml";
import type { ResolvedReference } from "./references";

const CATEGORY_ID = {
  subject: "urn:oasis:names:tc:xacml:1.0:subject-category:access-subject",
  action: "urn:oasis:names:tc:xacml:3.0:attribute-category:action",
  resource: "urn:oasis:names:tc:xacml:3.0:attribute-category:resource",
} as const;

const STRING = "http://www.w3.org/2001/XMLSchema#string";

/**
 * XACML returns the attributes a caller marked `IncludeInResult` so it can tell results apart.
 * Dialogporten never sets it (it maps by position), so its results carry no `Category`.
 */
export function echoedCategories(ref: ResolvedReference): NonNullable<XacmlResult["Category"]> {
  const out: NonNullable<XacmlResult["Category"]> = [];
  for (const kind of ["subject", "action", "resource"] as const) {
    const attributes: XacmlAttribute[] = ref[kind].Attribute.filter((a) => a.IncludeInResult).map((a) => ({
      AttributeId: a.AttributeId,
      Value: a.Value,
      DataType: a.DataType ?? STRING,
      IncludeInResult: true,
    }));
    if (attributes.length > 0) out.push({ CategoryId: CATEGORY_ID[kind], Attribute: attributes });
  }
  return out;
}
