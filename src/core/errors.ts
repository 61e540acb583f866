/** Something the user did wrong. Its message is shown to them as is (ephemerally in Discord); nothing is logged as a fault. */
export class UserError extends Error {
  override name = 'UserError';
}
