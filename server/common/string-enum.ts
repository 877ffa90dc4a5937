/**
 * A string enum whose every value is its own name, as the database stores it and the GraphQL
 * contract spells it, so no value can drift from its name:
 *
 *     export const Platform = stringEnum('BIGCOMMERCE', 'SHOPIFY');
 *     export type Platform = EnumValue<typeof Platform>;
 *
 * `Platform.SHOPIFY` is then a value and `Platform` the union of the values, as with a TypeScript
 * `enum`, and it registers with type-graphql in the same way (server/graphql/enums.ts).
 */
export function stringEnum<Name extends string>(...names: Name[]): { readonly [Key in Name]: Key } {
  return Object.freeze(Object.fromEntries(names.map((name) => [name, name]))) as { readonly [Key in Name]: Key };
}

/** The values of a stringEnum, as a type. */
export type EnumValue<Enum> = Enum[keyof Enum];
