// The one cast between this runtime's classes and @types/google-apps-script.
// A class here implements only the methods its `Covered` list names (those the
// add-on calls), so TypeScript will not take it for the whole Google interface.
// A script calling a method left out fails as on an unknown method, which is
// what a test should then show.

/**
 * A partial implementation handed out as the Google type it stands in for.
 * Unlike `as unknown as`, the argument is still checked: every member it shares
 * a name with must match Google's declaration.
 */
export function standIn<G extends object>(impl: Partial<G>): G {
  return impl as G;
}
