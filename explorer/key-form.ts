// The API key field of a page reading through api.ts (the explorer, the dashboard): hidden until
// the server refuses a request for want of a (valid) key; the key then lives in sessionStorage.
import * as api from "./api";

/** The field, hidden until asked for (styled by base.css). */
const FORM = `
  <label>Clé d'API <input id="api-key" type="password" required></label>
  <button type="submit">Utiliser</button>
  <button id="forget-key" type="button" hidden>Oublier la clé</button>
  <span id="key-message" role="alert"></span>`;

/**
 * Adds the key form (#key-form: a password input, a button to forget the key, a `[role=alert]`
 * message) at the end of `host`, hidden. `onKey` runs once a key is given: ask again.
 * Usage: `const key = keyForm(header, retry); … catch (e) { if (e instanceof api.AuthRequiredError) key.ask(e.message); }`
 */
export function keyForm(host: HTMLElement, onKey: () => void): { ask(message: string): void } {
  const form = document.createElement("form");
  form.id = "key-form";
  form.autocomplete = "off";
  form.hidden = true;
  form.innerHTML = FORM;
  host.append(form);
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
