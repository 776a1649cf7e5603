/**
 * Why Portage's verdict differs from oasdiff's on a conformance pair, by the pair's base file:
 * commentary printed next to each disagreement, never used to decide a verdict.
 */
export const DISAGREEMENT_REASONS: Readonly<Record<string, string>> = {
  'checker/additional_properties_traversal_base.yaml': 'oasdiff is wrong, we think: a required response field inside map values (additionalProperties) was removed; oasdiff does not look inside them',
  'checker/response_property_any_of_added_base.yaml': 'oasdiff is wrong, we think: a new anyOf alternative lets a new shape reach the client, as a new oneOf does (which oasdiff calls breaking)',
  'required-properties/write-only-changed-base.yaml': 'oasdiff is wrong, we think: a required response field became writeOnly, so it is no longer returned',
  'checker/request_xml_type_compatible_base.yaml': 'a choice: oasdiff skips type changes in XML bodies on purpose; Portage compares them',
  'checker/webhook_operation_base.yaml': 'webhooks are not in the surface (a connector only calls the platform); oasdiff flags a webhook body becoming required',
  'checker/webhook_base.yaml': 'webhooks are not in the surface (a connector only calls the platform)',
  'list-of-types/list-to-single-revision.yaml': 'Portage is too coarse: a request schema becoming a oneOf of plain types is compatible here',
  'checker/request_parameter_max_items_updated_revision.yaml': 'Portage gap: constraints on a parameter\'s array items are not in the surface',
  'checker/request_parameter_property_type_changed_revision.yaml': 'Portage gap: properties of an object parameter are not in the surface',
  'enums/request-parameter-property-no-enum.yaml': 'Portage gap: properties of an object parameter are not in the surface',
  'checker/sub_schema_added_property_base.yaml': 'Portage gap: a changed sub-schema keyword (contains, then, ...) is seen as changed, not as narrower',
  'checker/sub_schema_traversal_base.yaml': 'Portage gap: a changed sub-schema keyword (contains, then, ...) is seen as changed, not as narrower',
  'required-properties/items1.yaml': 'the revision does not load (responses not keyed by status): Portage fails closed',
  'required-properties/request-property-items.yaml': 'the base does not load (no info.version): Portage fails closed',
};
