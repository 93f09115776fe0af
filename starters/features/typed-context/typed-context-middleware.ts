import { Middleware } from "inngest";

/**
 * Adds the deployment region to the handler's context. `as const` keeps the literal type, so the
 * handler sees `region: "eu-west-1"` rather than `string`. Keep `transformFunctionInput` synchronous:
 * the context type is inferred from its return type.
 */
export class TypedContextMiddleware extends Middleware.BaseMiddleware {
  readonly id = "typed-context";

  override transformFunctionInput(arg: Middleware.TransformFunctionInputArgs) {
    return { ...arg, ctx: { ...arg.ctx, region: "eu-west-1" as const } };
  }
}
