import { readFileSync } from 'node:fs';
import { z } from 'zod';

const SigninUserSchema = z.object({
  openid: z.string().min(1),
  name: z.string().optional(),
  label: z.string().optional(),
  /** Where they belong (an organisation, grids or a region), shown and searched in the browser's picker. */
  place: z.string().optional(),
});

export type SigninUser = z.infer<typeof SigninUserSchema>;

/**
 * Who may sign in locally. With a users file only its users may (the demo's cast); without one any
 * non-empty openid may, which suits tests and quick experiments.
 */
export class SigninUsers {
  private constructor(private readonly listed: SigninUser[] | undefined) {}

  /** Reads the users file once at start-up; a malformed file stops the local cloud with a clear message. */
  static fromFile(file: string | undefined): SigninUsers {
    if (!file) return new SigninUsers(undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`cannot read sign-in users file ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const result = z.array(SigninUserSchema).safeParse(parsed);
    if (!result.success)
      throw new Error(`sign-in users file ${file} must be a JSON array of { openid, name?, label?, place? }: ${result.error.message}`);
    return new SigninUsers(result.data);
  }

  /** True when any openid may sign in (no users file). */
  get open(): boolean {
    return this.listed === undefined;
  }

  list(): SigninUser[] {
    return this.listed ?? [];
  }

  /** The user for an openid, or undefined if that openid may not sign in. */
  find(openid: string): SigninUser | undefined {
    if (openid === '') return undefined;
    if (!this.listed) return { openid };
    return this.listed.find((u) => u.openid === openid);
  }
}
