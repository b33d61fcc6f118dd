declare module 'mvncmp' {
  /** Maven 3 ComparableVersion ordering: negative, 0 or positive. */
  export function compare(a: string, b: string): number;
}
