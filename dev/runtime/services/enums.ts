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

// Cast once here to the enum types of @types/google-apps-script, which declares
// them as numeric TypeScript enums although Apps Script's are objects.
export const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']) as unknown as typeof GoogleAppsScript.Base.Button;
export const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']) as unknown as typeof GoogleAppsScript.Base.ButtonSet;
export const Weekday = makeEnum([
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
]) as unknown as typeof GoogleAppsScript.Base.Weekday;
export const SandboxMode = makeEnum(['EMULATED', 'IFRAME', 'NATIVE']) as unknown as typeof GoogleAppsScript.HTML.SandboxMode;
export const XFrameOptionsMode = makeEnum(['ALLOWALL', 'DEFAULT']) as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode;
export const AuthMode = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']) as unknown as typeof GoogleAppsScript.Script.AuthMode;
export const AuthorizationStatus = makeEnum(['REQUIRED', 'NOT_REQUIRED']) as unknown as typeof GoogleAppsScript.Script.AuthorizationStatus;
export const EventType = makeEnum([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]) as unknown as typeof GoogleAppsScript.Script.EventType;
export const TriggerSource = makeEnum([
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'CALENDAR',
]) as unknown as typeof GoogleAppsScript.Script.TriggerSource;
export const InstallationSource = makeEnum([
  'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  'NONE',
  'WEB_STORE_ADD_ON',
]) as unknown as typeof GoogleAppsScript.Script.InstallationSource;
export const DigestAlgorithm = makeEnum([
  'MD2',
  'MD5',
  'SHA_1',
  'SHA_256',
  'SHA_384',
  'SHA_512',
]) as unknown as typeof GoogleAppsScript.Utilities.DigestAlgorithm;
export const Charset = makeEnum(['US_ASCII', 'UTF_8']) as unknown as typeof GoogleAppsScript.Utilities.Charset;
