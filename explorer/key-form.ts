// The API key field of a page reading through api.ts (the explorer, the dashboard): hidden until
// the server refuses a request for want of a (valid) key; the key then lives in sessionStorage.
import * as api from "./api";

/**
 * Wires a form holding a password input, a `[role=alert]` message and a `button[type=button]`
 * to forget the key (see explorer/index.html, #key-form). `onKey` runs once a key is given: ask again.
 * Usage: `const key = keyForm(form, retry); … catch (e) { if (e instanceof api.AuthRequiredError) key.ask(e.message); }`
 */
export function keyForm(form: HTMLFormElement, onKey: () => void): { ask(message: string): void } {
  const input = form.querySelector<HTMLInputElement>('input[type="password"]')!;
  const message = form.querySelector<HTMLElement>('[role="alert"]')!;
  const forget = form.querySelector<HTMLButtonElement>('button[type="button"]')!;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    api.setApiKey(input.value);
    input.value = "";
    form.hidden = true;
    onKey();
  });
  forget.addEventListener("click", () => {
    api.setApiKey(null);
    forget.hidden = true;
    message.textContent = "Clé oubliée.";
    message.classList.remove("error");
  });
  return {
    ask(reason: string) {
      const refused = api.apiKey() !== null;
      form.hidden = false;
      message.textContent = refused ? `Clé refusée : ${reason}` : "Ce serveur demande une clé d'API pour lire les données.";
      message.classList.toggle("error", refused);
      forget.hidden = !refused;
      input.focus();
    },
  };
}
