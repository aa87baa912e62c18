// A typed host page (checked by `tsc` in scripts/test.sh): every call, getter and event of
// loader.d.ts used as LiveChat's docs show, and a few wrong uses that must not compile.
import type { ChatEvent, CustomerData } from "../loader";

window.__lc = window.__lc || {};
window.__lc.license = 12345678;
window.__lc.group = 2;
window.__lc.params = [{ name: "plan", value: "pro" }];
window.__lc.asyncInit = true;
window.__lc.visitor = { name: "Ann", email: "ann@example.com" };

const api = window.LiveChatWidget;
api.call("maximize");
api.call("maximize", { messageDraft: "I need help!" });
api.call("minimize");
api.call("hide");
api.call("hide_greeting");
api.call("set_customer_name", "John Doe");
api.call("set_customer_email", "john@example.com");
api.call("set_session_variables", { username: "john.doe", cart_value: 450, vip: true });
api.call("update_session_variables", { cart_value: "400" });
api.call("destroy");
api.init();
const version: string = api.scriptTagVersion();

const visibility: "maximized" | "minimized" | "hidden" = api.get("state").visibility;
const customer: CustomerData = api.get("customer_data");
const chatId: string | null = api.get("chat_data").chatId;

api.on("ready", ({ state, customerData }) => console.log(state.availability, customerData.status));
api.on("new_event", (event: ChatEvent) => event.greeting && console.log(event.greeting.uniqueId));
api.on("form_submitted", ({ type }) => type === "ticket");
api.once("rating_submitted", (value) => value === "good" || value === "bad" || value === "none");
api.on("rich_message_button_clicked", ({ eventId, postbackId, greeting }) => console.log(eventId, postbackId, greeting?.id));
api.off("greeting_hidden", ({ id, uniqueId }) => console.log(id, uniqueId));
window.LC_API = { on_after_load: () => console.log("loaded") };

// @ts-expect-error set_customer_name takes a string
api.call("set_customer_name", 42);
// @ts-expect-error not a method of LiveChat's
api.call("open");
// @ts-expect-error not a getter
api.get("chat");
// @ts-expect-error not an event
api.on("opened", () => {});
// @ts-expect-error visibility_changed carries { visibility }
api.on("visibility_changed", (data: { availability: string }) => data);

export { version, visibility, customer, chatId };
