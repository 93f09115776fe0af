import { Middleware } from "inngest";
import type { Jsonify } from "inngest/types";

// `never[]` accepts a function of any parameters: every argument type takes `never`.
type ActionsMiddlewareAction = (...args: never[]) => unknown;

/**
 * Each action takes the step id first, then its own arguments, and resolves to the action's result
 * as `step.run` returns it: serialised to JSON and back (a Date comes back as a string).
 */
export type ActionsMiddlewareContext<TActions extends Record<string, ActionsMiddlewareAction>> = {
  [K in keyof TActions]: (
    stepId: string,
    ...args: Parameters<TActions[K]>
  ) => Promise<Jsonify<Awaited<ReturnType<TActions[K]>>>>;
};

/**
 * Turns plain functions into `ctx.actions`, each call wrapped in `step.run` with the id given at
 * the call site: retried on its own and memoised, so a replay returns the stored result without
 * calling the function again. Results are stored as JSON, so return JSON-safe values.
 */
export function createActionsMiddleware<TActions extends Record<string, ActionsMiddlewareAction>>(actions: TActions) {
  return class ActionsMiddleware extends Middleware.BaseMiddleware {
    readonly id = "actions-middleware";

    override transformFunctionInput(arg: Middleware.TransformFunctionInputArgs) {
      const { step } = arg.ctx;
      // Object.fromEntries loses the keys' types: the mapped type restores them.
      const wrapped = Object.fromEntries(
        Object.keys(actions).map((name) => [
          name,
          (stepId: string, ...args: never[]) => step.run(stepId, () => actions[name]!(...args)),
        ]),
      ) as unknown as ActionsMiddlewareContext<TActions>;
      return { ...arg, ctx: { ...arg.ctx, actions: wrapped } };
    }
  };
}
