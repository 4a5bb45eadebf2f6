// Scopes are built in src/scope/; resolvers import them from here.
export { allianceScope, AllianceScope } from "../scope/alliance-scope";
export { territoryIdOf, territoryOf, territoryByCode } from "../scope/territory-ref";
