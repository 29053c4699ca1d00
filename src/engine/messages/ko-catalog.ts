/**
 * The type of a Korean family derived from its English one: the same keys, except that a plural pair
 * (`x_one`, `x_other`) needs only `x_other` (Korean has one plural form).
 */
export type KoreanOf<English> = {
  readonly [K in keyof English as K extends `${string}_one` ? never : K]: string
}
