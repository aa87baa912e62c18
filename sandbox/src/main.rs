//! `livechat-sandbox`: runs the sandbox until Ctrl-C.

use clap::Parser;
use livechat_sandbox::config::{Args, Config};

#[tokio::main]
async fn main() {
    let cfg: Config = Args::parse().into();
    let agent = cfg.scripted_agent;
    let scale = cfg.time_scale;
    let server = match livechat_sandbox::start(cfg).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("livechat-sandbox: cannot listen: {e}");
            std::process::exit(1);
        }
    };
    let p = server.port();
    let lic = server.app.cfg.license;
    println!("LiveChat sandbox listening on http://127.0.0.1:{p}");
    println!("  demo shop      http://shop.localhost:{p}/   (strict CSP: /strict-csp.html)");
    println!("  agent console  http://console.localhost:{p}/");
    println!("  widget files   http://widget.localhost:{p}/  (from {})", server.app.cfg.widget_dir.display());
    println!("  RTM dal        ws://api.localhost:{p}/v3.2/customer/rtm/ws?license_id={lic}");
    println!("  RTM fra        ws://api-fra.localhost:{p}/v3.2/customer/rtm/ws?license_id=N");
    println!("  token          POST http://accounts.localhost:{p}/v2/customer/token");
    println!("  admin API      http://127.0.0.1:{p}/admin/state");
    println!("  scripted agent {}; time scale {scale}", if agent { "on" } else { "off" });
    let _ = tokio::signal::ctrl_c().await;
    drop(server);
}
