import { hideInputValues } from '../../server/graphql/format-error';

describe('hideInputValues keeps the rule and drops the value, which may be a secret', () => {
  test.each([
    [
      'Variable "$c" got invalid value 98765432109876 at "c.apiPassword"; String cannot represent a non string value: 98765432109876',
      'Variable "$c" has an invalid value at "c.apiPassword": String cannot represent a non string value.',
    ],
    [
      'Variable "$c" got invalid value { apiPassword: "x; y" }; Field "apiVersion" of required type "ApiVersion!" was not provided.',
      'Variable "$c" has an invalid value: Field "apiVersion" of required type "ApiVersion!" was not provided.',
    ],
    ['String cannot represent a non string value: 98765432109876', 'String cannot represent a non string value.'],
    ['Expected value of type "String!", found 98765432109876.', 'Expected value of type "String!", found an invalid value.'],
    ['Value "SECRETISH" does not exist in "ApiVersion" enum.', 'The value does not exist in "ApiVersion" enum.'],
    ['Cannot query field "apiPassword" on type "EcommerceStore".', 'Cannot query field "apiPassword" on type "EcommerceStore".'],
  ])('%s', (input, expected) => {
    expect(hideInputValues(input)).toBe(expected);
  });
});
