/**
 * What Discord answers a bulk registration whose second command has a description over 100 characters (400): the body
 * Discord sends, as its documentation shows the shape of form errors (reference#error-messages).
 */
export const REFUSED_REGISTRATION = {
  message: 'Invalid Form Body',
  code: 50035,
  errors: {
    '1': {
      options: { '0': { options: { '7': { description: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }] } } } } },
    },
  },
};
