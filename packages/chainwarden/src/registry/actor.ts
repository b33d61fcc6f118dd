/** Who is acting, for the evidence and the audit log: CHAINWARDEN_ACTOR, the CI's actor, or the OS user. */
import { userInfo } from 'node:os';

export function currentActor(env: NodeJS.ProcessEnv = process.env): string {
  const given = env['CHAINWARDEN_ACTOR'] ?? env['GITHUB_ACTOR'] ?? env['GITLAB_USER_LOGIN'] ?? env['USER'];
  if (given !== undefined && given !== '') return given;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
