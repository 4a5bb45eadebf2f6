/**
 * The GraphQL IDE served at /graphql to browsers (src/ide/ide.routes.ts): GraphiQL 4, bundled
 * with React by scripts/build-explorer.mjs into dist/ide/, talking only to this server.
 * - First tab: schema/examples.graphql (the README's operations); the Examples panel opens one per tab.
 * - A link /graphql?query=…&variables=…&operationName=… opens that operation; editing updates the link.
 * - Headers editor: `{"X-API-Key": "…"}` where reads require a key (never saved, never in a link).
 */
import { setNonce } from "get-nonce";
import { createRoot } from "react-dom/client";
import { GraphiQL, type GraphiQLProps } from "graphiql";
import { type GraphiQLPlugin, PlayIcon, useEditorContext } from "@graphiql/react";
import "graphiql/style.css";
import "./styles.css";
import examplesFile from "../schema/examples.graphql";
import { type Example, splitExamples } from "./examples";
import { sharedOperation, shareUrl } from "./share";

// GraphiQL's dialogs add a <style> while open (react-remove-scroll, through get-nonce): the CSP allows it with this nonce only.
setNonce(document.querySelector<HTMLMetaElement>('meta[name="style-nonce"]')?.content ?? "");

const ENDPOINT = window.location.pathname;
const EXAMPLES = splitExamples(examplesFile);

/** POST application/json (the one body this server takes) with the headers editor's headers. */
const fetcher: GraphiQLProps["fetcher"] = async (params, options) => {
  const response = await fetch(ENDPOINT, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...options?.headers },
    body: JSON.stringify(params),
  });
  return response.json();
};

/** The sidebar panel listing the README's examples; it stays open, so one can open several in turn. */
function ExamplesPanel() {
  const editor = useEditorContext({ nonNull: true });
  const open = (example: Example) => {
    editor.addTab();
    // addTab empties the editors; the new content then flows into the tab (and the link) like typing.
    setTimeout(() => editor.queryEditor?.setValue(example.query));
  };
  return (
    <div className="maillage-examples">
      <h2>README examples</h2>
      <p>Runnable on the demo data; each opens in a new tab. The first tab holds them all: put the cursor in one and run.</p>
      <ul>
        {EXAMPLES.map((example) => (
          <li key={example.name}>
            <button type="button" data-example={example.name} onClick={() => open(example)}>
              <strong>{example.name}</strong>
              <small>{example.question}</small>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

const examplesPlugin: GraphiQLPlugin = { title: "Examples", icon: () => <PlayIcon aria-hidden="true" />, content: ExamplesPanel };

const shared = sharedOperation(window.location.search);
const examplesTab = { query: examplesFile };
const props: GraphiQLProps = {
  fetcher,
  plugins: [examplesPlugin],
  // A first visit: the shared operation (if any) then the examples; later visits keep their tabs and add the shared one.
  defaultTabs: shared ? [{ query: shared.query, variables: shared.variables }, examplesTab] : [examplesTab],
  ...(shared ? { query: shared.query, variables: shared.variables, operationName: shared.operationName } : {}),
  // What a new tab starts with (GraphiQL's own is a long welcome text).
  defaultQuery: "# Type a query here (Ctrl-Space completes, Ctrl-Enter runs), or open one from the Examples panel.\n",
  defaultHeaders: '{\n  "X-API-Key": ""\n}',
  defaultEditorToolsVisibility: shared?.variables ? "variables" : false,
  shouldPersistHeaders: false,
  onTabChange: ({ tabs, activeTabIndex }) => {
    const url = shareUrl(ENDPOINT, tabs[activeTabIndex] ?? {}, examplesFile);
    if (url !== window.location.pathname + window.location.search) window.history.replaceState(null, "", url);
  },
};

createRoot(document.getElementById("ide")!).render(<GraphiQL {...props} />);

// A first look shows what to try (a shared link shows its operation only). Through GraphiQL's own
// button, which keeps its pane sizes in step; its visiblePlugin prop leaves the pane shut at first render.
if (!shared) openPanelOnce("Show Examples");

function openPanelOnce(label: string, triesLeft = 50): void {
  const button = document.querySelector<HTMLButtonElement>(`[aria-label="${label}"]`);
  if (button) button.click();
  else if (triesLeft > 0) setTimeout(() => openPanelOnce(label, triesLeft - 1), 50);
}
