/**
 * A syntax problem at an offset inside one requirement string. Internal to this folder: the file parser turns it into
 * a LockfileError naming the file, physical line and column.
 */
export class RequirementSyntaxError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.name = 'RequirementSyntaxError';
    this.offset = offset;
  }
}
