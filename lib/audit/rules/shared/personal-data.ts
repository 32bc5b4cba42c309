/**
 * GDPR scope: which resources hold personal data.
 */
import { PERSONAL_DATA_CLASSIFICATION } from "../../../standards/audit-controls";
import { STANDARD_TAG_KEYS } from "../../../standards/naming";
import type { AuditResource, DocumentView } from "../../types";
import { tagsOf } from "../../values";
import { TOPIC_TYPES } from "./topics";

function isPersonalValue(value: unknown): boolean {
  return typeof value === "string" && value.trim().toLowerCase() === PERSONAL_DATA_CLASSIFICATION;
}

/** True when the resource is marked as holding personal data (topic class, metadata or tag). */
export function holdsPersonalData(resource: AuditResource): boolean {
  return (
    isPersonalValue(resource.metadata?.class) ||
    isPersonalValue(resource.metadata?.dataClassification) ||
    isPersonalValue(tagsOf(resource.attributes)[STANDARD_TAG_KEYS.dataClassification])
  );
}

/** True when any topic in the document holds personal data. */
export function documentHoldsPersonalTopics(doc: DocumentView): boolean {
  return TOPIC_TYPES.some((t) => doc.ofType(t).some(holdsPersonalData));
}
