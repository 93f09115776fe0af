import { expect } from "vitest";
import { acceptanceExample } from "../helpers/generator-example.js";
import type { GeneratedFunctionCase } from "./generate-app.js";

const retries = (attempts: number) =>
  expect.objectContaining({ step: expect.objectContaining({ retries: { attempts } }) });

/**
 * Functions that together use every generator flag, alone or in realistic combinations, each with
 * what Inngest must register for it (written from the flags, by hand). The app they go in is named
 * gen-app and has event-basic's helloWorld (for --invoke).
 */
export const generatedFunctionCases: GeneratedFunctionCase[] = [
  {
    args: acceptanceExample,
    expectedSync: {
      "sync-contact": {
        triggers: [{ event: "crm/contact.updated" }],
        steps: retries(5),
        throttle: { limit: 10, period: "1m", key: "event.data.contactId" },
      },
      "sync-contact-failure": {
        triggers: [
          { event: "inngest/function.failed", expression: "event.data.function_id == 'gen-app-sync-contact'" },
        ],
      },
    },
  },
  {
    args: [
      "--function",
      "nightly-report",
      "--cron",
      "TZ=Europe/Paris 0 12 * * 5",
      "--steps",
      "build-report,email-report",
      "--concurrency",
      "1",
      "--timeouts",
      "start=1m,finish=1h",
    ],
    expectedSync: {
      "nightly-report": {
        triggers: [{ cron: "TZ=Europe/Paris 0 12 * * 5" }],
        concurrency: 1,
        timeouts: { start: "1m", finish: "1h" },
      },
    },
  },
  {
    args: [
      "--function",
      "onboard-user",
      "--event",
      "app/user.signed-up",
      "--data",
      "userId:string,plan:free|pro,email?:string",
      "--if",
      'event.data.plan == "pro"',
      "--wait-for",
      "app/user.verified,match=data.userId,timeout=7d",
      "--sleep",
      "1h",
      "--send",
      "app/onboarding.started",
      "--cancel-on",
      "app/user.deleted,match=data.userId",
      "--priority",
      'event.data.plan == "pro" ? 120 : 0',
    ],
    expectedSync: {
      "onboard-user": {
        triggers: [{ event: "app/user.signed-up", expression: 'event.data.plan == "pro"' }],
        cancel: [{ event: "app/user.deleted", if: "event.data.userId == async.data.userId" }],
        priority: { run: 'event.data.plan == "pro" ? 120 : 0' },
      },
    },
  },
  {
    // A second function on an event events.ts already declares: it shares the typed event.
    args: ["--function", "notify-signup", "--event", "app/user.signed-up", "--steps", "notify-team"],
    expectedSync: { "notify-signup": { triggers: [{ event: "app/user.signed-up" }] } },
  },
  {
    args: [
      "--function",
      "summarize-ticket",
      "--event",
      "app/ticket.created",
      "--ai",
      "openai:gpt-5-mini",
      "--ai-params",
      "temperature=0.2,max_tokens=500",
      "--concurrency",
      '10,key="openai",scope=account',
      "--concurrency",
      "2,key=event.data.userId",
      "--rate-limit",
      "1/4h,key=event.data.ticketId",
    ],
    expectedSync: {
      "summarize-ticket": {
        triggers: [{ event: "app/ticket.created" }],
        concurrency: [
          { limit: 10, key: '"openai"', scope: "account" },
          { limit: 2, key: "event.data.userId" },
        ],
        rateLimit: { limit: 1, period: "4h", key: "event.data.ticketId" },
      },
    },
  },
  {
    args: [
      "--function",
      "ask-claude",
      "--event",
      "app/question.asked",
      "--ai",
      "anthropic:claude-haiku-4-5",
      "--ai-params",
      "max_tokens=300",
      "--debounce",
      "5s,key=event.data.userId,timeout=1m",
      "--singleton",
      "key=event.data.userId,mode=skip",
    ],
    expectedSync: {
      "ask-claude": {
        triggers: [{ event: "app/question.asked" }],
        debounce: { period: "5s", key: "event.data.userId", timeout: "1m" },
        singleton: { key: "event.data.userId", mode: "skip" },
      },
    },
  },
  {
    args: [
      "--function",
      "ask-gemini",
      "--event",
      "app/question.asked",
      "--ai",
      "gemini:gemini-2.5-flash",
      "--ai-params",
      "max_tokens=300",
      "--idempotency",
      "event.data.questionId",
    ],
    expectedSync: {
      "ask-gemini": { triggers: [{ event: "app/question.asked" }], idempotency: "event.data.questionId" },
    },
  },
  {
    args: ["--function", "ask-grok", "--event", "app/question.asked", "--ai", "grok:grok-4"],
    expectedSync: { "ask-grok": { triggers: [{ event: "app/question.asked" }] } },
  },
  {
    args: [
      "--function",
      "record-views",
      "--event",
      "app/page.viewed",
      "--batch",
      "100/5s,key=event.data.siteId",
      "--retries",
      "0",
    ],
    expectedSync: {
      "record-views": {
        triggers: [{ event: "app/page.viewed" }],
        batchEvents: { maxSize: 100, timeout: "5s", key: "event.data.siteId" },
        steps: retries(0),
      },
    },
  },
  {
    args: [
      "--function",
      "welcome-flow",
      "--event",
      "app/user.welcomed",
      "--invoke",
      "helloWorld,timeout=1h",
      "--steps",
      "prepare",
    ],
    expectedSync: { "welcome-flow": { triggers: [{ event: "app/user.welcomed" }] } },
  },
  {
    args: [
      "--function",
      "mixed-triggers",
      "--event",
      "app/a.happened",
      "--event",
      "app/b.happened",
      "--cron",
      "0 * * * *",
      "--throttle",
      "1/5s,burst=2",
    ],
    expectedSync: {
      "mixed-triggers": {
        triggers: [{ event: "app/a.happened" }, { event: "app/b.happened" }, { cron: "0 * * * *" }],
        throttle: { limit: 1, period: "5s", burst: 2 },
      },
    },
  },
];
