/** What one run of the CLI gets from where it runs. */
export interface RunContext {
  cwd: string;
  /** A person can answer prompts. */
  interactive: boolean;
  /** `npm_config_user_agent`: the package manager that ran the command. */
  userAgent: string | undefined;
}
