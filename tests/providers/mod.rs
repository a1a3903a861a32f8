//! Every client against the emulator over real HTTP, and the emulator's strictness.

mod endorsed;
mod kombo;
mod onderwijsregio;
mod spott;
mod truto;
