import { Middleware } from "inngest";

/** A middleware that traces three hooks under `name` to the client's logger, at debug level, and changes nothing. */
function middlewareOrderTracer(name: string) {
  return class extends Middleware.BaseMiddleware {
    readonly id = `middleware-order-${name}`;

    override transformFunctionInput(arg: Middleware.TransformFunctionInputArgs) {
      this.client.logger.debug(`${name}: transformFunctionInput`);
      return arg;
    }

    override async wrapFunctionHandler({ next }: Middleware.WrapFunctionHandlerArgs) {
      this.client.logger.debug(`${name}: wrapFunctionHandler before`);
      const output = await next();
      this.client.logger.debug(`${name}: wrapFunctionHandler after`);
      return output;
    }

    override async wrapStep({ stepInfo, next }: Middleware.WrapStepArgs) {
      this.client.logger.debug(`${name}: wrapStep ${stepInfo.options.id} before`);
      const output = await next();
      this.client.logger.debug(`${name}: wrapStep ${stepInfo.options.id} after`);
      return output;
    }
  };
}

// Registered on the client: runs for every function of the app, before any function's own middleware.
export class MiddlewareOrderClientMiddleware extends middlewareOrderTracer("client") {}

// Listed on a function as `middleware: [MiddlewareOrderOuterMiddleware, MiddlewareOrderInnerMiddleware]`.
export class MiddlewareOrderOuterMiddleware extends middlewareOrderTracer("outer") {}
export class MiddlewareOrderInnerMiddleware extends middlewareOrderTracer("inner") {}
