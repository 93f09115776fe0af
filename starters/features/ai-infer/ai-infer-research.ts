import { modelSettings } from "../ai-models";
import { inngest } from "../client";
import { researchRequested } from "../events";

/**
 * Researches a topic: a model writes search queries, each query is crawled in its own step (in
 * parallel), then a model summarises what was found. Each `step.ai.infer` call is made by Inngest
 * itself, not by this server: the request and response show up in the run's trace.
 */
export const researchTopic = inngest.createFunction(
  { id: "research-topic", triggers: [researchRequested] },
  async ({ event, step }) => {
    const { topic } = event.data;
    const model = step.ai.models.openai(modelSettings("openai"));

    const planned = await step.ai.infer("generate-queries", {
      model,
      body: {
        messages: [
          { role: "system", content: "Write three web search queries for the topic, one per line, nothing else." },
          { role: "user", content: topic },
        ],
        max_completion_tokens: 200,
      },
    });
    const queries = (planned.choices[0]?.message.content ?? "")
      .split("\n")
      .map((line) => line.replace(/^[\s\d.\-*]+/, "").trim())
      .filter(Boolean)
      .slice(0, 3);

    const pages = await Promise.all(queries.map((query, i) => step.run(`crawl-${i + 1}`, () => searchTheWeb(query))));

    const summary = await step.ai.infer("summarise-findings", {
      model,
      body: {
        messages: [
          { role: "system", content: "Summarise the findings below in one paragraph, for the topic given." },
          {
            role: "user",
            content: `Topic: ${topic}\n\n${pages.map((page) => `## ${page.title}\n${page.text}`).join("\n\n")}`,
          },
        ],
        max_completion_tokens: 500,
      },
    });

    return { topic, queries, summary: summary.choices[0]?.message.content ?? "" };
  },
);

/** A local stub standing in for the web: replace it with a call to your search or crawling API. */
async function searchTheWeb(query: string): Promise<{ query: string; title: string; text: string }> {
  return { query, title: `Results for "${query}"`, text: `The top pages about ${query}, condensed.` };
}
