export default function Home() {
  return (
    <main>
      <h1>Your Inngest app is running</h1>
      <p>
        The Inngest endpoint is at <a href="/api/inngest">/api/inngest</a>. Start the Dev Server with{" "}
        <code>npx inngest-cli@latest dev</code> and open <a href="http://localhost:8288">http://localhost:8288</a> to
        send events and watch runs.
      </p>
    </main>
  );
}
