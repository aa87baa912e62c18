// The LiveChat snippet's settings for pages whose CSP forbids inline scripts.
window.__lc = {
  license: {{LICENSE}},
  group: 0,
  region: "dal",
  widget_url: "http://widget.localhost:{{PORT}}/",
  api_host: "localhost:{{PORT}}",
  accounts_url: "http://accounts.localhost:{{PORT}}"
};
