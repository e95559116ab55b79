// Apps Script enums are objects, not numbers: `String(ScriptApp.AuthMode.FULL)`
// is "FULL", `JSON.stringify` gives the name, and members compare by identity.

export interface EnumMember {
  toString(): string;
  toJSON(): string;
  name(): string;
  ordinal(): number;
}

const names = new WeakMap<object, string>();

export function makeEnum<const K extends string>(keys: readonly K[]): Record<K, EnumMember> {
  const members = {} as Record<K, EnumMember>;
  keys.forEach((key, index) => {
    const member: EnumMember = Object.freeze({
      toString: () => key,
      toJSON: () => key,
      name: () => key,
      ordinal: () => index,
    });
    names.set(member, key);
    members[key] = member;
  });
  return Object.freeze(members);
}

/** The name of an enum member, or undefined when the value is not one. */
export function enumName(value: unknown): string | undefined {
  return value !== null && typeof value === 'object' ? names.get(value) : undefined;
}

/**
 * An enum typed as its @types/google-apps-script declaration, which is a numeric
 * TypeScript enum although Apps Script's are objects: the one cast for all of
 * them, with the names checked against Google's.
 */
function googleEnum<E extends object>(keys: readonly (keyof E & string)[]): E {
  return makeEnum(keys) as unknown as E;
}

export const Button = googleEnum<typeof GoogleAppsScript.Base.Button>(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = googleEnum<typeof GoogleAppsScript.Base.ButtonSet>(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
export const Weekday = googleEnum<typeof GoogleAppsScript.Base.Weekday>([
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
]);
export const SandboxMode = googleEnum<typeof GoogleAppsScript.HTML.SandboxMode>(['EMULATED', 'IFRAME', 'NATIVE']);
export const XFrameOptionsMode = googleEnum<typeof GoogleAppsScript.HTML.XFrameOptionsMode>(['ALLOWALL', 'DEFAULT']);
export const AuthMode = googleEnum<typeof GoogleAppsScript.Script.AuthMode>(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
export const AuthorizationStatus = googleEnum<typeof GoogleAppsScript.Script.AuthorizationStatus>(['REQUIRED', 'NOT_REQUIRED']);
export const EventType = googleEnum<typeof GoogleAppsScript.Script.EventType>([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]);
export const TriggerSource = googleEnum<typeof GoogleAppsScript.Script.TriggerSource>([
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'CALENDAR',
]);
export const InstallationSource = googleEnum<typeof GoogleAppsScript.Script.InstallationSource>([
  'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  'NONE',
  'WEB_STORE_ADD_ON',
]);
export const DigestAlgorithm = googleEnum<typeof GoogleAppsScript.Utilities.DigestAlgorithm>([
  'MD2',
  'MD5',
  'SHA_1',
  'SHA_256',
  'SHA_384',
  'SHA_512',
]);
export const Charset = googleEnum<typeof GoogleAppsScript.Utilities.Charset>(['US_ASCII', 'UTF_8']);
