/**
 * The owner spellings GitHub accepts in CODEOWNERS: `@user`, `@org/team`, or an e-mail address.
 * chainwarden.yaml's `owners` section accepts the same, so an owner reads the same everywhere.
 */
const USER = '@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}';
const TEAM = '@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[A-Za-z0-9][A-Za-z0-9_.-]*';
const EMAIL = "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+";

/** The regular expression (without anchors) of one owner. */
export const OWNER_REGEX = `${TEAM}|${USER}|${EMAIL}`;

/** What an owner must look like, for messages. */
export const OWNER_MEANS = 'an owner (@user, @org/team or an e-mail address)';

const OWNER = new RegExp(`^(?:${OWNER_REGEX})$`, 'u');

export function isOwner(text: string): boolean {
  return OWNER.test(text);
}
