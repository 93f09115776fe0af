import { Middleware } from "inngest";

/**
 * A stand-in with the shape of the `openai` package's client, so the sample runs without a key or
 * network: replace it with `new OpenAI()` from "openai".
 */
export class DependencyInjectionOpenAI {
  readonly responses = {
    async create(request: { model: string; input: string }): Promise<{ model: string; output_text: string }> {
      return { model: request.model, output_text: `Summary: ${request.input.slice(0, 60)}` };
    },
  };
}

// Made once per process: the middleware class is instantiated on every request.
export const sharedOpenAI = new DependencyInjectionOpenAI();

/**
 * Adds `openai` to the handler's context. `transformFunctionInput` must stay synchronous: the SDK
 * infers the new context keys from its return type, and an `async` method hides them behind a Promise.
 * The built-in `dependencyInjectionMiddleware({ openai })` from "inngest" does the same in one line.
 */
export class DependencyInjectionMiddleware extends Middleware.BaseMiddleware {
  readonly id = "dependency-injection";

  override transformFunctionInput(arg: Middleware.TransformFunctionInputArgs) {
    return { ...arg, ctx: { ...arg.ctx, openai: sharedOpenAI } };
  }
}
