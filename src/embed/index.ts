import { KbGuidance } from './kb-guidance';
import { KbLegalPowers } from './kb-legal-powers';
import { KbRoleModel } from './kb-role-model';
import { KbSearch } from './kb-search';

/** The portal kit: importing this module defines the four elements (once, if loaded twice). */
const ELEMENTS: readonly [string, CustomElementConstructor][] = [
  ['kb-guidance', KbGuidance],
  ['kb-search', KbSearch],
  ['kb-legal-powers', KbLegalPowers],
  ['kb-role-model', KbRoleModel],
];

for (const [name, element] of ELEMENTS) {
  if (!customElements.get(name)) customElements.define(name, element);
}

export { KbGuidance, KbLegalPowers, KbRoleModel, KbSearch };
