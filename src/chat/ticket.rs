//! Where the visitor's ticket ("leave a message" while nobody is online) stands.

/// The ticket form's progress.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum TicketStatus {
    /// Nothing sent yet.
    #[default]
    Idle,
    /// Sent, waiting for the ticket service.
    Sending,
    /// The service created the ticket with this id.
    Sent(String),
    /// It failed or did not answer in time; the form keeps the answers for another try.
    Failed(String),
}
