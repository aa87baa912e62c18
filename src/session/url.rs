//! The connect URL (spec: "Data centers" and "Methods > The API endpoint").

/// The default data center; its host has no region suffix.
pub const DEFAULT_REGION: &str = "dal";

/// Path of the Customer Chat RTM API v3.2 WebSocket endpoint.
pub const RTM_PATH: &str = "/v3.2/customer/rtm/ws";

/// The host for `region`: `api` + (`-{region}` unless `dal`) + `.` + `base_host`.
pub fn region_host(region: &str, base_host: &str) -> String {
    if region.is_empty() || region == DEFAULT_REGION {
        format!("api.{base_host}")
    } else {
        format!("api-{region}.{base_host}")
    }
}

/// The WebSocket URL to connect to, for example
/// `wss://api-fra.livechatinc.com/v3.2/customer/rtm/ws?license_id=123`.
pub fn connect_url(scheme: &str, base_host: &str, region: &str, license_id: u64) -> String {
    format!("{scheme}://{}{RTM_PATH}?license_id={license_id}", region_host(region, base_host))
}

/// The Web API's origin on the same region host as the socket: `https` beside
/// `wss`, `http` beside a local `ws`.
pub fn web_api_origin(scheme: &str, base_host: &str, region: &str) -> String {
    let http = if scheme == "ws" { "http" } else { "https" };
    format!("{http}://{}", region_host(region, base_host))
}

/// True when `region` is safe to put in a host name (a short lowercase label),
/// so a hostile `data.region` cannot redirect the widget to another host.
pub fn is_valid_region(region: &str) -> bool {
    !region.is_empty() && region.len() <= 16 && region.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dal_has_no_suffix_and_fra_has_one() {
        assert_eq!(
            connect_url("wss", "livechatinc.com", "dal", 1),
            "wss://api.livechatinc.com/v3.2/customer/rtm/ws?license_id=1"
        );
        assert_eq!(region_host("fra", "localhost:9000"), "api-fra.localhost:9000");
        assert_eq!(web_api_origin("wss", "livechatinc.com", "fra"), "https://api-fra.livechatinc.com");
        assert_eq!(web_api_origin("ws", "localhost:9000", "dal"), "http://api.localhost:9000");
    }

    #[test]
    fn hostile_regions_are_rejected() {
        assert!(is_valid_region("fra"));
        for bad in ["", "evil.com/", "a b", "FRA", "x@y", "verylongregionname"] {
            assert!(!is_valid_region(bad), "{bad}");
        }
    }
}
