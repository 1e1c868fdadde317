import { styleText } from 'node:util';

/** Terminal styling that turns itself off for pipes, NO_COLOR and CI logs. */
export function style(format: Parameters<typeof styleText>[0], text: string, stream: NodeJS.WriteStream = process.stdout): string {
  return styleText(format, text, { stream });
}

/** A usage error: wrong flags or arguments (exit 2). */
export class UsageError extends Error {}

/** A problem with the user's data or request that has been explained to them (exit 1). */
export class UserError extends Error {}
