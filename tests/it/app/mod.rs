//! The reader's state and drawing, without a terminal: the update step
//! driven by actions, whole screens drawn into a TestBackend.

mod folding;
mod front;
mod opening;
mod popups;
pub(crate) mod screens;
mod script;
mod typing;
mod update;
