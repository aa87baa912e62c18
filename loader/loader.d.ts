// Types of the host page's API that loader.js provides: `window.LiveChatWidget` (LiveChat's
// Chat Widget JS API) and its configuration `window.__lc`. Served next to loader.js.
// Names and shapes are LiveChat's (README, "JavaScript API", says what this widget does for each).

export type Visibility = "maximized" | "minimized" | "hidden";
export type Availability = "online" | "offline";
export type CustomerStatus = "queued" | "chatting" | "invited" | "browsing";

/** `get("state")`. */
export interface WidgetState {
  availability: Availability;
  visibility: Visibility;
}

/** `get("customer_data")`: nulls until the customer is known. */
export interface CustomerData {
  id: string | null;
  name: string | null;
  email: string | null;
  isReturning: boolean;
  status: CustomerStatus;
  sessionVariables: Record<string, string>;
}

/** `get("chat_data")`. */
export interface ChatData {
  chatId: string | null;
  threadId: string | null;
}

/** A greeting as the events name it. */
export interface Greeting {
  id: number;
  uniqueId: string;
}

/** `new_event`'s payload. */
export interface ChatEvent {
  timestamp: number;
  type: "message" | "rich_message" | "file" | "filled_form" | "system_message";
  author: { id: string; type: "customer" | "agent" };
  /** Present when the event is a greeting's content. */
  greeting?: Greeting;
}

/** `rich_message_button_clicked`'s payload. */
export interface RichMessageButton {
  eventId: string;
  postbackId: string;
  /** Present when the button belongs to a greeting. */
  greeting?: Greeting;
}

/** Each event's payload. */
export interface EventPayloads {
  ready: { state: WidgetState; customerData: CustomerData };
  availability_changed: Pick<WidgetState, "availability">;
  visibility_changed: Pick<WidgetState, "visibility">;
  customer_status_changed: Pick<CustomerData, "status">;
  new_event: ChatEvent;
  form_submitted: { type: "prechat" | "postchat" | "ticket" };
  rating_submitted: "good" | "bad" | "none";
  greeting_displayed: Greeting;
  greeting_hidden: Greeting;
  rich_message_button_clicked: RichMessageButton;
}

/** Session variables as the setters take them (numbers and booleans are sent as strings). */
export type SessionVariables = Record<string, string | number | boolean>;

/** `call(method, data)`'s methods and their data. */
export interface CallData {
  maximize: { messageDraft?: string } | undefined;
  minimize: undefined;
  hide: undefined;
  hide_greeting: undefined;
  destroy: undefined;
  set_customer_name: string;
  set_customer_email: string;
  set_session_variables: SessionVariables;
  update_session_variables: SessionVariables;
  /** Not supported (warns): API v3.2 has no sales trackers. */
  trigger_sales_tracker: { trackerId: string; orderPrice?: string; orderId?: string };
}

/** The getters. */
export interface Getters {
  state: WidgetState;
  customer_data: CustomerData;
  chat_data: ChatData;
}

type Method = keyof CallData;
type NoData = { [M in Method]: undefined extends CallData[M] ? M : never }[Method];

/** `window.LiveChatWidget`. */
export interface LiveChatWidgetApi {
  call<M extends NoData>(method: M, data?: CallData[M]): void;
  call<M extends Exclude<Method, NoData>>(method: M, data: CallData[M]): void;
  get<K extends keyof Getters>(name: K): Getters[K];
  on<E extends keyof EventPayloads>(event: E, callback: (data: EventPayloads[E]) => void): void;
  once<E extends keyof EventPayloads>(event: E, callback: (data: EventPayloads[E]) => void): void;
  off<E extends keyof EventPayloads>(event: E, callback: (data: EventPayloads[E]) => void): void;
  /** Starts the widget (with `asyncInit`, or again after `destroy`). */
  init(): void;
  /** The snippet's version (`"2.0"`). */
  scriptTagVersion(): string;
}

/** A token from `custom_identity_provider`. */
export interface Token {
  accessToken: string;
  entityId: string;
  expiresIn: number;
  tokenType: string;
  creationDate?: number;
  licenseId?: number;
}

/** `window.__lc`. */
export interface LiveChatConfig {
  /** LiveChat license number (required). */
  license?: number | string;
  /** LiveChat's newer platform: without `license` the widget cannot log in (API v3.2) and says so. */
  organizationId?: string;
  group?: number | string;
  /** `"dal"` (default) or `"fra"`. */
  region?: "dal" | "fra";
  /** Session variables. */
  params?: Array<{ name: string; value: string | number | boolean }>;
  custom_identity_provider?: () => {
    getToken(): Promise<Token>;
    getFreshToken(): Promise<Token>;
    hasToken(): Promise<boolean>;
    invalidate(): Promise<void>;
  };
  /** The snippet injects the script only at `LiveChatWidget.init()`. */
  asyncInit?: boolean;
  /** Not supported (warns): each group keeps its own chat. */
  chat_between_groups?: boolean;
  integration_name?: string;
  /** Only `"livechat"`. */
  product_name?: "livechat" | "textapp";
  /** Legacy: the customer's name and e-mail, as the setters would set them. */
  visitor?: { name?: string; email?: string };
  /** Widget language (`"en"` by default). */
  language?: string;
  /** `#rgb` or `#rrggbb`. */
  accent_color?: string;
  /** Where the widget's iframe page lives (default: next to loader.js). */
  widget_url?: string;
  /** RTM host behind the region prefix (self-hosting, the sandbox). */
  api_host?: string;
  accounts_url?: string;
  client_id?: string;
}

declare global {
  interface Window {
    LiveChatWidget: LiveChatWidgetApi;
    __lc: LiveChatConfig;
    LC_API?: { on_after_load?: () => void };
  }
}
