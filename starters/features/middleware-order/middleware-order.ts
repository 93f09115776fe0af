import { Middleware } from "inngest";

/** Set `record` (to console.log, or an array in a test) to watch the order the hooks run in. */
export const middlewareOrderTrace: { record?: (entry: string) => void } = {};

export function traceMiddlewareOrder(entry: string): void {
  middlewareOrderTrace.record?.(entry);
}

/** A middleware that traces three hooks under `name` and changes nothing. */
function middlewareOrderTracer(name: string) {
  return class extends Middleware.BaseMiddleware {
    readonly id = `middleware-order-${name}`;

    override transformFunctionInput(arg: Middleware.TransformFunctionInputArgs) {
      traceMiddlewareOrder(`${name}: transformFunctionInput`);
      return arg;
    }

    override async wrapFunctionHandler({ next }: Middleware.WrapFunctionHandlerArgs) {
      traceMiddlewareOrder(`${name}: wrapFunctionHandler before`);
      const output = await next();
      traceMiddlewareOrder(`${name}: wrapFunctionHandler after`);
      return output;
    }

    override async wrapStep({ stepInfo, next }: Middleware.WrapStepArgs) {
      traceMiddlewareOrder(`${name}: wrapStep ${stepInfo.options.id} before`);
      const output = await next();
      traceMiddlewareOrder(`${name}: wrapStep ${stepInfo.options.id} after`);
      return output;
    }
  };
}

// Registered on the client: runs for every function of the app, before any function's own middleware.
export class MiddlewareOrderClientMiddleware extends middlewareOrderTracer("client") {}

// Listed on a function as `middleware: [MiddlewareOrderOuterMiddleware, MiddlewareOrderInnerMiddleware]`.
export class MiddlewareOrderOuterMiddleware extends middlewareOrderTracer("outer") {}
export class MiddlewareOrderInnerMiddleware extends middlewareOrderTracer("inner") {}
