/// The web chat's one script, served as `/chat/chat.js`: it sends each form with `fetch` and
/// appends the reply, so the page does not reload. Without it every form still works.
enum ChatScript {
    static let source = #"""
        "use strict";
        (function () {
          const messages = document.getElementById("messages");
          const choices = document.getElementById("choices");
          const announce = document.getElementById("announce");
          const compose = document.getElementById("compose");
          if (!messages || !choices || !window.fetch) return;
          const words = document.body.dataset;

          function freshID() {
            const bytes = new Uint8Array(16);
            crypto.getRandomValues(bytes);
            return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
          }

          function bubble(kind, who, text, notice) {
            const item = document.createElement("li");
            item.className = kind + (notice ? " notice" : "");
            const name = document.createElement("p");
            name.className = "who";
            name.textContent = who;
            const body = document.createElement("p");
            body.className = "text";
            body.textContent = text;
            item.append(name, body);
            messages.append(item);
            return item;
          }

          function hiddenFields(form) {
            return ["csrf", "message_id", "page"].map((name) => {
              const input = document.createElement("input");
              input.type = "hidden";
              input.name = name;
              input.value = form.elements[name].value;
              return input;
            });
          }

          function showChoices(list, from) {
            choices.replaceChildren();
            for (const choice of list) {
              const form = document.createElement("form");
              form.method = "post";
              form.action = "/chat";
              form.className = "send";
              const value = document.createElement("input");
              value.type = "hidden";
              value.name = "choice";
              value.value = choice.value;
              const label = document.createElement("input");
              label.type = "hidden";
              label.name = "label";
              label.value = choice.label;
              const button = document.createElement("button");
              button.type = "submit";
              button.textContent = (choice.number > 0 ? choice.number + ". " : "") + choice.label;
              form.append(...hiddenFields(from), value, label, button);
              choices.append(form);
            }
          }

          function renewIDs() {
            const id = freshID();
            for (const input of document.querySelectorAll("input[name=message_id]")) input.value = id;
          }

          document.addEventListener("submit", async (event) => {
            const form = event.target;
            if (!form.classList.contains("send")) return;
            event.preventDefault();
            const said = form.elements.label ? form.elements.label.value : form.elements.text ? form.elements.text.value : "";
            const buttons = document.querySelectorAll("form.send button");
            buttons.forEach((button) => (button.disabled = true));
            try {
              const response = await fetch(form.action, {
                method: "POST",
                headers: { Accept: "application/json" },
                body: new URLSearchParams(new FormData(form)),
                credentials: "same-origin",
              });
              const type = response.headers.get("Content-Type") || "";
              if (!type.includes("application/json")) {
                form.submit();
                return;
              }
              const reply = await response.json();
              if (reply.error) {
                bubble("bot", words.bot, reply.error, true);
                announce.textContent = reply.error;
              } else {
                if (said.trim()) bubble("person", words.you, said, false);
                let last = null;
                for (const message of reply.messages) {
                  last = bubble("bot", words.bot, message.text, message.notice);
                  if (message.choices.length) showChoices(message.choices, form);
                }
                if (reply.messages.length && !reply.messages.some((m) => m.choices.length) && !reply.messages.every((m) => m.notice)) {
                  choices.replaceChildren();
                }
                announce.textContent = reply.messages.map((m) => m.text).join("\n");
                if (last) last.scrollIntoView({ block: "nearest" });
              }
              if (form.elements.text && form.elements.text.tagName === "TEXTAREA") form.elements.text.value = "";
            } catch (error) {
              form.submit();
              return;
            } finally {
              renewIDs();
              buttons.forEach((button) => (button.disabled = false));
            }
            const first = choices.querySelector("button");
            if (first) first.focus();
            else if (compose) compose.elements.text.focus();
            else location.reload();
          });
        })();
        """#
}
