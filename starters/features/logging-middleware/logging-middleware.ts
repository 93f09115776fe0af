import { Middleware } from "inngest";

export type LoggingMiddlewareLevel = "info" | "error";

/**
 * Logs each run of every function of the app to the client's logger (`new Inngest({ logger })`: pino,
 * winston... or the console by default). It only observes: inputs, outputs and steps are
 * passed through untouched. Registered on the client, so one instance is made per request.
 */
export class LoggingMiddleware extends Middleware.BaseMiddleware {
  readonly id = "logging-middleware";

  private log(level: LoggingMiddlewareLevel, fn: { id(): string } | null, message: string) {
    const line = `[${fn ? fn.id() : "client"}] ${message}`;
    this.client.logger[level](line);
  }

  // Called once per run, on its first request only: later requests replay memoised steps.
  override onRunStart({ ctx, fn }: Middleware.OnRunStartArgs) {
    this.log("info", fn, `run ${ctx.runId} started by ${ctx.event.name}`);
  }

  // Called on every request of the run. `next()` resolves only on the request where the handler
  // returns: on the others, the handler stops at a new step and `next()` never settles.
  override async wrapFunctionHandler({ fn, next }: Middleware.WrapFunctionHandlerArgs) {
    this.log("info", fn, "executing");
    const output = await next();
    this.log("info", fn, "handler returned");
    return output;
  }

  // Step hooks fire for step.run and step.sendEvent, and never for memoised results.
  override onStepStart({ fn, stepInfo }: Middleware.OnStepStartArgs) {
    this.log("info", fn, `step ${stepInfo.options.id} started`);
  }

  override onStepComplete({ fn, stepInfo }: Middleware.OnStepCompleteArgs) {
    this.log("info", fn, `step ${stepInfo.options.id} completed`);
  }

  override onStepError({ fn, stepInfo, error, isFinalAttempt }: Middleware.OnStepErrorArgs) {
    const retry = isFinalAttempt ? "final attempt" : "will retry";
    this.log("error", fn, `step ${stepInfo.options.id}: failed (${retry}): ${error.message}`);
  }

  // Runs for step.sendEvent and for inngest.send() outside any function (then `fn` is null).
  override async wrapSendEvent({ fn, events, next }: Middleware.WrapSendEventArgs) {
    const names = events.map((event) => event.name).join(", ");
    this.log("info", fn, `sending ${events.length} event(s): ${names}`);
    const output = await next();
    this.log("info", fn, `sent event id(s): ${output.ids.join(", ")}`);
    return output;
  }

  override onRunComplete({ ctx, fn }: Middleware.OnRunCompleteArgs) {
    this.log("info", fn, `run ${ctx.runId} completed`);
  }

  override onRunError({ ctx, fn, error, isFinalAttempt }: Middleware.OnRunErrorArgs) {
    const retry = isFinalAttempt ? "final attempt" : "will retry";
    this.log("error", fn, `run ${ctx.runId}: failed (${retry}): ${error.message}`);
  }
}
